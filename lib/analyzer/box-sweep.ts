import { chainPasses, columnSumsScratch, grown, horizontalScratch } from "./sweep-scratch";

/**
 * Box blur passes, each a horizontal sweep of every row it needs into one scratch plane and then a vertical sweep
 * from it, the per-pixel loops in row functions. An earlier version chained the passes row by row through a ring of
 * 2r + 2 rows per pass to keep the intermediates in cache; its per-row method calls through polymorphic row sources
 * cost more than the planes' traffic (σ 1.5 on 515 × 620: 4.4–6.7 ms against 2.4–3.6 ms, alternated in one process).
 *
 * The arithmetic is the two-plane box blur's (testing/two-plane-box-blur.ts), operation for operation: the
 * horizontal running sum over the edge-padded row in a double, rounded to float32 where it stores its scratch
 * plane; the vertical running sum per column in a Float64Array, started and stepped over the same clamped rows,
 * rounded to float32 where it stores its output. So the result equals chained two-plane blurs bit for bit
 * (box-sweep.test.ts), rows ranges included.
 */

/** A row padded by its clamped edges (module scratch, as sweep-scratch.ts's planes). */
let paddedRow = new Float32Array(0);

/**
 * The horizontal box of radius r of the row starting at `at` in `s`, into `o` from `oat`: the same additions as
 * over the edge-padded row (padded[k] is `first` for k < r, s[at + k − r] inside and `last` beyond), read from the
 * row itself in three stretches (left edge, middle, right edge).
 */
function horizontalRow(s: Float32Array, at: number, o: Float32Array, oat: number, w: number, r: number): void {
  const n = 2 * r + 1;
  const inv = 1 / n;
  const first = s[at] as number;
  const last = s[at + w - 1] as number;
  let acc = 0;
  for (let k = 0; k < r; k++) acc += first;
  for (let k = r; k < n - 1; k++) acc += s[at + k - r] as number;
  for (let x = 0; x < r; x++) {
    acc += s[at + x + r] as number;
    o[oat + x] = acc * inv;
    acc -= first;
  }
  for (let x = r; x < w - r; x++) {
    acc += s[at + x + r] as number;
    o[oat + x] = acc * inv;
    acc -= s[at + x - r] as number;
  }
  for (let x = w - r; x < w; x++) {
    acc += last;
    o[oat + x] = acc * inv;
    acc -= s[at + x - r] as number;
  }
}

/** horizontalRow for a row narrower than 2r, over an edge-padded copy of it (the stretches would overlap). */
function narrowRow(s: Float32Array, at: number, o: Float32Array, oat: number, w: number, r: number): void {
  const n = 2 * r + 1;
  const inv = 1 / n;
  paddedRow = grown(paddedRow, w + 2 * r, (k) => new Float32Array(k));
  const padded = paddedRow;
  const first = s[at] as number;
  const last = s[at + w - 1] as number;
  for (let k = 0; k < r; k++) {
    padded[k] = first;
    padded[r + w + k] = last;
  }
  for (let x = 0; x < w; x++) padded[r + x] = s[at + x] as number;
  let acc = 0;
  for (let k = 0; k < n - 1; k++) acc += padded[k] as number;
  for (let x = 0; x < w; x++) {
    acc += padded[x + n - 1] as number;
    o[oat + x] = acc * inv;
    acc -= padded[x] as number;
  }
}

/** colAcc[x] += row `at` of t, x < w. */
function addRow(colAcc: Float64Array, t: Float32Array, at: number, w: number): void {
  for (let x = 0; x < w; x++) colAcc[x] = (colAcc[x] as number) + (t[at + x] as number);
}

/** One output row of the vertical box: the column sums scaled into `o` from `oat`, then stepped a row down. */
function verticalRow(
  colAcc: Float64Array,
  t: Float32Array,
  o: Float32Array,
  oat: number,
  add: number,
  sub: number,
  w: number,
  inv: number,
): void {
  for (let x = 0; x < w; x++) {
    const a = colAcc[x] as number;
    o[oat + x] = a * inv;
    colAcc[x] = a + (t[add + x] as number) - (t[sub + x] as number);
  }
}

/**
 * One box pass of radius r from `src` into `out`, output rows lo..hi: the horizontal boxes of rows lo − r .. hi + r
 * (clamped) into `h`, then the vertical running sums from them. `out` may be `src` (every source row is read first).
 */
function boxPass(
  src: Float32Array,
  out: Float32Array,
  h: Float32Array,
  width: number,
  height: number,
  r: number,
  lo: number,
  hi: number,
): void {
  const last = height - 1;
  const row = width < 2 * r ? narrowRow : horizontalRow;
  for (let y = Math.max(0, lo - r); y <= Math.min(last, hi + r); y++) row(src, y * width, h, y * width, width, r);
  const colAcc = columnSumsScratch(width);
  colAcc.fill(0, 0, width);
  const rowAt = (y: number) => Math.min(last, Math.max(0, y)) * width;
  for (let k = lo - r; k <= lo + r; k++) addRow(colAcc, h, rowAt(k), width);
  const inv = 1 / (2 * r + 1);
  for (let y = lo; y <= hi; y++) verticalRow(colAcc, h, out, y * width, rowAt(y + r + 1), rowAt(y - r), width, inv);
}

/**
 * `passes` box blurs of radius r (≥ 1) of a width × height plane into `out` (which may be `src`), rows from..to only,
 * each earlier pass covering r more rows each side than the next, as planes.ts gaussianBlur chains boxBlur.
 * Rows of `out` outside from..to are left as they were.
 */
export function sweepBoxPasses(
  src: Float32Array,
  width: number,
  height: number,
  r: number,
  passes: number,
  out: Float32Array,
  from = 0,
  to = height - 1,
): void {
  if (from > to) return;
  const size = width * height;
  const h = horizontalScratch(size);
  // Earlier passes write rows beyond from..to, which `out` must keep.
  chainPasses(src, out, size, passes, (source, target, p) =>
    boxPass(source, target, h, width, height, r, Math.max(0, from - p * r), Math.min(height - 1, to + p * r)),
  );
}
