/**
 * The k-th smallest value (0-based) of `values`, as `values.slice().sort()[k]` would give it, in O(n) on
 * average (Hoare's quickselect with a median-of-three pivot): a threshold at a percentile of ~200k
 * samples does not need them all in order. Reorders `values`; pass a copy to keep the original.
 */
export function selectNth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  if (k < lo || k > hi) return Number.NaN;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot: sorted or constant runs (flat skin) do not go quadratic.
    const a = values[lo] as number;
    const b = values[mid] as number;
    const c = values[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = t;
      }
    }
    // Now [lo, j] ≤ pivot ≤ [i, hi], and anything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}
