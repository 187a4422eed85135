import type { Plane, RowRange } from "../planes";

/**
 * boxBlur as planes.ts had it before box-sweep.ts: the horizontal pass into a full scratch plane, then the
 * vertical pass from it. Kept as the reference the row-by-row sweep must match bit for bit.
 */
export function twoPlaneBoxBlur(
  src: Plane,
  radius: number,
  into?: Float32Array,
  scratch?: Float32Array,
  rows?: RowRange,
): Plane {
  const { width: w, height: h } = src;
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return { data: src.data.slice(), width: w, height: h };
  const from = Math.max(0, rows?.from ?? 0);
  const to = Math.min(h - 1, rows?.to ?? h - 1);
  const n = 2 * r + 1;
  const inv = 1 / n;
  const tmp = scratch ?? new Float32Array(w * h);
  const padded = new Float32Array(w + 2 * r);
  const s = src.data;
  for (let y = Math.max(0, from - r); y <= Math.min(h - 1, to + r); y++) {
    const row = y * w;
    const first = s[row] as number;
    const last = s[row + w - 1] as number;
    for (let k = 0; k < r; k++) {
      padded[k] = first;
      padded[r + w + k] = last;
    }
    padded.set(s.subarray(row, row + w), r);
    let acc = 0;
    for (let k = 0; k < n - 1; k++) acc += padded[k] as number;
    for (let x = 0; x < w; x++) {
      acc += padded[x + n - 1] as number;
      tmp[row + x] = acc * inv;
      acc -= padded[x] as number;
    }
  }
  const out = into ?? new Float32Array(w * h);
  if (from > to) return { data: out, width: w, height: h };
  const colAcc = new Float64Array(w);
  const rowAt = (y: number) => Math.min(h - 1, Math.max(0, y)) * w;
  for (let k = from - r; k <= from + r; k++) {
    const o = rowAt(k);
    for (let x = 0; x < w; x++) colAcc[x] = (colAcc[x] as number) + (tmp[o + x] as number);
  }
  for (let y = from; y <= to; y++) {
    const row = y * w;
    const add = rowAt(y + r + 1);
    const sub = rowAt(y - r);
    for (let x = 0; x < w; x++) {
      const a = colAcc[x] as number;
      out[row + x] = a * inv;
      colAcc[x] = a + (tmp[add + x] as number) - (tmp[sub + x] as number);
    }
  }
  return { data: out, width: w, height: h };
}
