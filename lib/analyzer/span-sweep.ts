import { gaussianReach, type Plane } from "./planes";
import { growSpans, hullOfRows, type RowSpans } from "./row-spans";
import { chainPasses, columnSumsScratch, horizontalScratch } from "./sweep-scratch";

/**
 * Box blur passes computed only on row spans (row-spans.ts): the value at each span pixel that the whole-plane sweep
 * (box-sweep.ts) gives, with the hair, neck and background around the face skin left out. A stage that reads a blur
 * only on or near the skin need not pay for the ~40% of its window beyond it.
 *
 * The same box sums as box-sweep.ts, started at a span's first pixel instead of the row's or column's: the running
 * sums are doubles over float32 values, exact whatever pixel they start from while a row's or column's values span
 * well under the double's 53 bits (see planes.ts boxBlur), so each value depends only on the pixels in its window,
 * edges clamped at the plane's edges as the whole sweep clamps them. Values of very different magnitude along one row
 * (≈ 100 beside ≈ 1e-8) break that: the last bits then differ from the whole sweep's (review, 28 Nov). The stages
 * using it gave identical reports on the 66 dev cases (22 faces as taken, 44 planted).
 */

/**
 * The horizontal box of radius r of row `at` of s at columns a..b − 1, into o at the same offsets: the edge-clamped
 * window sums of box-sweep.ts horizontalRow, the running sum started at column a. Clamping only where the window
 * leaves the row.
 */
function horizontalSpan(
  s: Float32Array,
  o: Float32Array,
  at: number,
  w: number,
  r: number,
  a: number,
  b: number,
): void {
  const inv = 1 / (2 * r + 1);
  const last = w - 1;
  let acc = 0;
  for (let k = a - r; k < a + r; k++) acc += s[at + Math.min(last, Math.max(0, k))] as number;
  // Columns whose window is inside the row: r ≤ x ≤ w − 1 − r.
  const midFrom = Math.min(b, Math.max(a, r));
  const midTo = Math.max(midFrom, Math.min(b, w - r));
  for (let x = a; x < midFrom; x++) {
    acc += s[at + Math.min(last, x + r)] as number;
    o[at + x] = acc * inv;
    acc -= s[at + Math.max(0, x - r)] as number;
  }
  for (let x = midFrom; x < midTo; x++) {
    acc += s[at + x + r] as number;
    o[at + x] = acc * inv;
    acc -= s[at + x - r] as number;
  }
  for (let x = midTo; x < b; x++) {
    acc += s[at + Math.min(last, x + r)] as number;
    o[at + x] = acc * inv;
    acc -= s[at + Math.max(0, x - r)] as number;
  }
}

/**
 * Output row y of the vertical box at columns a..b − 1. Columns c..d − 1 carry a running column sum from row y − 1;
 * the others start one (rows y − r .. y + r, clamped, added in order). Columns na..nb − 1 (the next row's span) step
 * it on, as box-sweep.ts verticalRow does.
 */
function verticalSpan(
  colAcc: Float64Array,
  t: Float32Array,
  o: Float32Array,
  y: number,
  size: { w: number; h: number; r: number },
  cols: Int32Array,
): void {
  const { w, h, r } = size;
  const a = cols[0] as number;
  const b = cols[1] as number;
  const c = cols[2] as number;
  const d = cols[3] as number;
  const na = cols[4] as number;
  const nb = cols[5] as number;
  const last = h - 1;
  if (c >= d) startColumns(colAcc, t, w, last, y, r, a, b);
  else {
    startColumns(colAcc, t, w, last, y, r, a, c);
    startColumns(colAcc, t, w, last, y, r, d, b);
  }
  const inv = 1 / (2 * r + 1);
  const add = Math.min(last, y + r + 1) * w;
  const sub = Math.max(0, y - r) * w;
  const oat = y * w;
  const stepFrom = Math.min(b, Math.max(a, na));
  const stepTo = Math.max(stepFrom, Math.min(b, nb));
  for (let x = a; x < stepFrom; x++) o[oat + x] = (colAcc[x] as number) * inv;
  for (let x = stepFrom; x < stepTo; x++) {
    const v = colAcc[x] as number;
    o[oat + x] = v * inv;
    colAcc[x] = v + (t[add + x] as number) - (t[sub + x] as number);
  }
  for (let x = stepTo; x < b; x++) o[oat + x] = (colAcc[x] as number) * inv;
}

/** Column sums of rows y − r .. y + r (clamped to 0..last), added in order, at columns a..b − 1. */
function startColumns(
  colAcc: Float64Array,
  t: Float32Array,
  w: number,
  last: number,
  y: number,
  r: number,
  a: number,
  b: number,
): void {
  if (a >= b) return;
  colAcc.fill(0, a, b);
  for (let k = y - r; k <= y + r; k++) {
    const row = Math.min(last, Math.max(0, k)) * w;
    for (let x = a; x < b; x++) colAcc[x] = (colAcc[x] as number) + (t[row + x] as number);
  }
}

/** One box pass of radius r from src into out at the spans `outSpans` (out may be src: every source row is read first). */
function spanPass(
  src: Float32Array,
  out: Float32Array,
  t: Float32Array,
  size: { w: number; h: number; r: number },
  outSpans: RowSpans,
): void {
  const { w, h, r } = size;
  for (let y = 0; y < h; y++) {
    const [a, b] = hullOfRows(outSpans, h, y - r, y + r);
    if (a < b) horizontalSpan(src, t, y * w, w, r, a, b);
  }
  const columnSums = columnSumsScratch(w);
  const cols = new Int32Array(6);
  const { lo, hi } = outSpans;
  for (let y = 0; y < h; y++) {
    const a = lo[y] as number;
    const b = hi[y] as number;
    if (a >= b) continue;
    const carried = y > 0 && (lo[y - 1] as number) < (hi[y - 1] as number);
    cols[0] = a;
    cols[1] = b;
    cols[2] = carried ? Math.max(a, lo[y - 1] as number) : 0;
    cols[3] = carried ? Math.min(b, hi[y - 1] as number) : 0;
    cols[4] = y + 1 < h ? (lo[y + 1] as number) : 0;
    cols[5] = y + 1 < h ? (hi[y + 1] as number) : 0;
    verticalSpan(columnSums, t, out, y, size, cols);
  }
}

/**
 * `passes` box blurs of radius r (≥ 1) of a width × height plane into `out` (which may be `src`), at the pixels of
 * `spans` only: each earlier pass at those spans grown by r for every pass after it. Pixels of `out` outside the spans
 * are left as they were.
 */
export function sweepBoxPassesInSpans(
  src: Float32Array,
  width: number,
  height: number,
  r: number,
  passes: number,
  out: Float32Array,
  spans: RowSpans,
): void {
  const size = width * height;
  const horizontal = horizontalScratch(size);
  const outSpans: RowSpans[] = [spans];
  for (let p = 1; p < passes; p++) outSpans.push(growSpans(outSpans[p - 1] as RowSpans, width, height, r));
  chainPasses(src, out, size, passes, (source, target, p) =>
    spanPass(source, target, horizontal, { w: width, h: height, r }, outSpans[p] as RowSpans),
  );
}

/** planes.ts boxBlur at the pixels of `spans` only (others of `into` left as they were); `into` may be src's data. */
export function boxBlurInSpans(src: Plane, radius: number, into: Float32Array, spans: RowSpans): Plane {
  const r = Math.max(0, Math.round(radius));
  if (r === 0) {
    for (let y = 0; y < src.height; y++)
      into.set(
        src.data.subarray(y * src.width + (spans.lo[y] as number), y * src.width + (spans.hi[y] as number)),
        y * src.width + (spans.lo[y] as number),
      );
    return { data: into, width: src.width, height: src.height };
  }
  sweepBoxPassesInSpans(src.data, src.width, src.height, r, 1, into, spans);
  return { data: into, width: src.width, height: src.height };
}

/** planes.ts gaussianBlur at the pixels of `spans` only (others of `into` left as they were); `into` may be src's data. */
export function gaussianBlurInSpans(src: Plane, sigma: number, into: Float32Array, spans: RowSpans): Plane {
  sweepBoxPassesInSpans(src.data, src.width, src.height, gaussianReach(sigma) / 3, 3, into, spans);
  return { data: into, width: src.width, height: src.height };
}
