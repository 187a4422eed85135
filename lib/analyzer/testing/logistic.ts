/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised features: a
 * handful of features and a few thousand rows converge in ~10 steps, with no library.
 */
export type LogisticFit = { mean: number[]; scale: number[]; weights: number[]; bias: number };

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] ?? [], m[c] ?? []];
    const row = m[c] ?? [];
    const d = row[c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] ?? [];
      const f = (other[c] ?? 0) / d;
      for (let k = c; k <= n; k++) other[k] = (other[k] ?? 0) - f * (row[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] || 1e-12));
}

export function fitLogistic(x: readonly number[][], y: readonly number[], lambda = 1): LogisticFit {
  const dims = x[0]?.length ?? 0;
  const mean = Array.from({ length: dims }, (_, j) => x.reduce((s, r) => s + (r[j] ?? 0), 0) / x.length);
  const scale = mean.map((m, j) => {
    const v = x.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / x.length;
    return Math.sqrt(v) || 1;
  });
  const z = x.map((r) => [1, ...r.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1))]);
  let w = new Array<number>(dims + 1).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const grad = new Array<number>(dims + 1).fill(0);
    const hess = Array.from({ length: dims + 1 }, () => new Array<number>(dims + 1).fill(0));
    z.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * (w[j] ?? 0), 0)));
      const err = p - (y[i] ?? 0);
      const wt = Math.max(1e-6, p * (1 - p));
      for (let a = 0; a <= dims; a++) {
        grad[a] = (grad[a] ?? 0) + err * (row[a] ?? 0);
        const ha = hess[a] ?? [];
        for (let b = a; b <= dims; b++) ha[b] = (ha[b] ?? 0) + wt * (row[a] ?? 0) * (row[b] ?? 0);
      }
    });
    for (let a = 0; a <= dims; a++) {
      const ha = hess[a] ?? [];
      for (let b = 0; b < a; b++) ha[b] = hess[b]?.[a] ?? 0;
      // The bias is not shrunk.
      if (a > 0) {
        ha[a] = (ha[a] ?? 0) + lambda;
        grad[a] = (grad[a] ?? 0) + lambda * (w[a] ?? 0);
      }
    }
    const step = solve(hess, grad);
    w = w.map((v, j) => v - (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { mean, scale, bias: w[0] ?? 0, weights: w.slice(1) };
}
