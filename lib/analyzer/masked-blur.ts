import { downsample, gaussianBlur, makePlane, type Plane } from "./planes";
import { wholePlane, zeroOutside, type RowSpans } from "./row-spans";
import { arenaPlaneToOverwrite } from "./scratch-arena";

/**
 * Normalised convolution (a blur over masked pixels only) done at a quarter of the resolution, with the
 * full-resolution steps fused: the masked plane is never built and the upsampled numerator and
 * denominator are never stored. Each function gives bit for bit what the plain composition gives,
 * blurLarge(masked values) / blurLarge(mask) from planes.ts, because it does the same float operations
 * in the same order and rounds to float32 wherever that composition stored a Float32Array. The plain
 * composition cost ~28 full-size planes (≈ 32 MB) per photo, a third of it then spent in GC (measured).
 */
/** The small planes' downsampling factor (the row sweeps below are unrolled for it). */
const FACTOR = 4;
/** Below this blurred mask weight a pixel has no skin around it: it keeps its own value. */
const MIN_WEIGHT = 1e-3;
const f32 = Math.fround;

/** blurLarge-style (σ at full resolution) blur of `values` where `mask` is set and 0 elsewhere, kept small: the numerator. */
export function smallMaskedBlur(values: Plane, mask: Uint8Array, sigma: number): Plane {
  return gaussianBlur(downsampleMasked(values.data, mask, values.width, values.height, -1), sigma / FACTOR);
}

/** The same of min(cap, v²), rounded to float32 as a stored plane of squares would be: a local mean square's numerator. */
export function smallMaskedSquaresBlur(values: Plane, mask: Uint8Array, cap: number, sigma: number): Plane {
  return gaussianBlur(downsampleMasked(values.data, mask, values.width, values.height, cap), sigma / FACTOR);
}

/** The mask as 1/0, area-downsampled once for every sigma it is blurred at. */
export function smallMask(mask: Uint8Array, width: number, height: number): Plane {
  const w = Math.max(1, Math.floor(width / FACTOR));
  const h = Math.max(1, Math.floor(height / FACTOR));
  const small = makePlane(w, h);
  const inv = 1 / (FACTOR * FACTOR);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let dy = 0; dy < FACTOR; dy++) {
        const row = (y * FACTOR + dy) * width + x * FACTOR;
        for (let dx = 0; dx < FACTOR; dx++) acc += mask[row + dx] ? 1 : 0;
      }
      small.data[y * w + x] = acc * inv;
    }
  }
  return small;
}

/** The blurred mask at a sigma (full-resolution px): the shared denominator of normalised convolutions. */
export function smallMaskWeight(small: Plane, sigma: number): Plane {
  return gaussianBlur(small, sigma / FACTOR);
}

/**
 * Area-average downsample by FACTOR, as planes.ts `downsample`, of the values where the mask is set and
 * 0 elsewhere; with cap ≥ 0, of min(cap, v²) rounded to float32.
 *
 * Swept a source row at a time into one row of double sums: each small pixel still adds its 16 terms in
 * downsample's order (row by row, left to right), so the sums are the same, but the loops run along whole rows
 * instead of 4 × 4 blocks (5 calls a photo, ≈ 2× faster measured). A masked-out pixel adds nothing where
 * downsample added 0: the sum starts at +0 and never becomes −0, so adding 0 leaves it unchanged.
 */
function downsampleMasked(values: Float32Array, mask: Uint8Array, width: number, height: number, cap: number): Plane {
  const w = Math.max(1, Math.floor(width / FACTOR));
  const h = Math.max(1, Math.floor(height / FACTOR));
  const out = makePlane(w, h);
  const inv = 1 / (FACTOR * FACTOR);
  const acc = new Float64Array(w);
  const o = out.data;
  for (let y = 0; y < h; y++) {
    acc.fill(0);
    for (let dy = 0; dy < FACTOR; dy++) {
      const row = (y * FACTOR + dy) * width;
      if (cap >= 0) addSquaresRow(acc, values, mask, row, w, cap);
      else addValuesRow(acc, values, mask, row, w);
    }
    for (let x = 0; x < w; x++) o[y * w + x] = (acc[x] as number) * inv;
  }
  return out;
}

/** acc[x] += the masked values of source pixels row + 4x … row + 4x + 3, left to right (FACTOR is 4). */
function addValuesRow(acc: Float64Array, values: Float32Array, mask: Uint8Array, row: number, w: number): void {
  for (let x = 0, j = row; x < w; x++, j += 4) {
    let a = acc[x] as number;
    if (mask[j]) a += values[j] as number;
    if (mask[j + 1]) a += values[j + 1] as number;
    if (mask[j + 2]) a += values[j + 2] as number;
    if (mask[j + 3]) a += values[j + 3] as number;
    acc[x] = a;
  }
}

/** acc[x] += f32(min(cap, v²)) of the masked source pixels, as addValuesRow. */
function addSquaresRow(
  acc: Float64Array,
  values: Float32Array,
  mask: Uint8Array,
  row: number,
  w: number,
  cap: number,
): void {
  const sq = (v: number) => f32(Math.min(cap, v * v));
  for (let x = 0, j = row; x < w; x++, j += 4) {
    let a = acc[x] as number;
    if (mask[j]) a += sq(values[j] as number);
    if (mask[j + 1]) a += sq(values[j + 1] as number);
    if (mask[j + 2]) a += sq(values[j + 2] as number);
    if (mask[j + 3]) a += sq(values[j + 3] as number);
    acc[x] = a;
  }
}

/** Bilinear taps from a small plane to (width, height), as planes.ts `upsample` computes them. */
type Taps = { x0: Int32Array; x1: Int32Array; tx: Float32Array; r0: Int32Array; r1: Int32Array; ty: Float64Array };

function tapsFor(small: Plane, width: number, height: number): Taps {
  const sw = small.width;
  const sh = small.height;
  const sx = sw / width;
  const sy = sh / height;
  const t: Taps = {
    x0: new Int32Array(width),
    x1: new Int32Array(width),
    tx: new Float32Array(width),
    r0: new Int32Array(height),
    r1: new Int32Array(height),
    ty: new Float64Array(height),
  };
  for (let x = 0; x < width; x++) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    const x0 = Math.floor(fx);
    t.x0[x] = x0;
    t.x1[x] = Math.min(sw - 1, x0 + 1);
    t.tx[x] = fx - x0;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    t.r0[y] = Math.floor(fy) * sw;
    t.r1[y] = Math.min(sh - 1, Math.floor(fy) + 1) * sw;
    t.ty[y] = fy - Math.floor(fy);
  }
  return t;
}

function lerp(d: Float32Array, r0: number, r1: number, x0: number, x1: number, tx: number, ty: number): number {
  const top = (d[r0 + x0] as number) * (1 - tx) + (d[r0 + x1] as number) * tx;
  const bottom = (d[r1 + x0] as number) * (1 - tx) + (d[r1 + x1] as number) * tx;
  return f32(top + (bottom - top) * ty);
}

/**
 * gain · (values − background), where the background is the masked blur num/den (both small planes from
 * this file, blurred) and a pixel with no skin nearby is its own background. Only the pixels of `spans` (default
 * all) are computed; the others are 0.
 */
export function contrastToBackground(
  values: Plane,
  num: Plane,
  den: Plane,
  gain: number,
  spans: RowSpans = wholePlane(values.width, values.height),
): Plane {
  const { width, height } = values;
  const denRows = new RowInterpolator(den, width, height);
  const numRows = new RowInterpolator(num, width, height);
  const out = arenaPlaneToOverwrite(width, height);
  for (let y = 0; y < height; y++) {
    zeroOutside(out.data, spans, width, y);
    const lo = spans.lo[y] as number;
    const hi = spans.hi[y] as number;
    if (lo >= hi) continue;
    const ty = denRows.seek(y);
    numRows.seek(y);
    contrastRow(out.data, values.data, y * width, lo, hi, denRows, numRows, ty, gain);
  }
  return out;
}

/**
 * One row of contrastToBackground. The per-pixel loops live in row functions (here and below) because a stage
 * runs once an analysis: its own loop ran through on-stack-replacement code that deoptimised every analysis, a
 * function called for every row is optimised once and stays so (measured with --cpu-prof and --trace-deopt).
 */
function contrastRow(
  o: Float32Array,
  v: Float32Array,
  row: number,
  from: number,
  to: number,
  den: RowInterpolator,
  num: RowInterpolator,
  ty: number,
  gain: number,
): void {
  const { top: dTop, bottom: dBottom } = den;
  const { top: nTop, bottom: nBottom } = num;
  for (let x = from; x < to; x++) {
    const i = row + x;
    const dt = dTop[x] as number;
    const d = f32(dt + ((dBottom[x] as number) - dt) * ty);
    const own = v[i] as number;
    const nt = nTop[x] as number;
    const bg = d > MIN_WEIGHT ? f32(f32(nt + ((nBottom[x] as number) - nt) * ty) / d) : own;
    o[i] = gain * (own - bg);
  }
}

/**
 * contrastToBackground read at single pixels: the value its plane holds at (x, y), for a measure that needs the
 * contrast at a fraction of the pixels (shine: the lit T-zone) and not the full-size plane. The same arithmetic: the
 * horizontal step in doubles as RowInterpolator keeps it, the vertical step and the quotient rounded to float32, and
 * the result rounded to float32 as the plane stores it.
 */
export function contrastToBackgroundAt(
  values: Plane,
  num: Plane,
  den: Plane,
  gain: number,
): (x: number, y: number) => number {
  const { width, height } = values;
  if (num.width !== den.width || num.height !== den.height) throw new Error("num and den differ in size");
  const t = tapsFor(den, width, height);
  const v = values.data;
  const n = num.data;
  const d = den.data;
  return (x, y) => {
    const r0 = t.r0[y] as number;
    const r1 = t.r1[y] as number;
    const a = t.x0[x] as number;
    const b = t.x1[x] as number;
    const w = t.tx[x] as number;
    const ty = t.ty[y] as number;
    const dTop = (d[r0 + a] as number) * (1 - w) + (d[r0 + b] as number) * w;
    const dBottom = (d[r1 + a] as number) * (1 - w) + (d[r1 + b] as number) * w;
    const weight = f32(dTop + (dBottom - dTop) * ty);
    const own = v[y * width + x] as number;
    if (!(weight > MIN_WEIGHT)) return f32(gain * (own - own));
    const nTop = (n[r0 + a] as number) * (1 - w) + (n[r0 + b] as number) * w;
    const nBottom = (n[r1 + a] as number) * (1 - w) + (n[r1 + b] as number) * w;
    return f32(gain * (own - f32(f32(nTop + (nBottom - nTop) * ty) / weight)));
  };
}

/**
 * values / local RMS, where the local mean square is the masked blur num/den of min(cap, v²) (num from
 * smallMaskedSquaresBlur) and the RMS is floored at `floor`. The RMS itself goes to `rmsOut` when given. Only the
 * pixels of `spans` (default all) are computed; the others are 0 in both.
 */
export function divideByLocalRms(
  values: Plane,
  num: Plane,
  den: Plane,
  cap: number,
  floor: number,
  rmsOut?: Float32Array,
  spans: RowSpans = wholePlane(values.width, values.height),
): Plane {
  const { width, height } = values;
  const denRows = new RowInterpolator(den, width, height);
  const numRows = new RowInterpolator(num, width, height);
  const out = arenaPlaneToOverwrite(width, height);
  for (let y = 0; y < height; y++) {
    zeroOutside(out.data, spans, width, y);
    if (rmsOut) zeroOutside(rmsOut, spans, width, y);
    const lo = spans.lo[y] as number;
    const hi = spans.hi[y] as number;
    if (lo >= hi) continue;
    const ty = denRows.seek(y);
    numRows.seek(y);
    rmsRow(out.data, values.data, y * width, lo, hi, denRows, numRows, ty, cap, floor, rmsOut);
  }
  return out;
}

/** One row of divideByLocalRms (a row function: see contrastRow). */
function rmsRow(
  o: Float32Array,
  v: Float32Array,
  row: number,
  from: number,
  to: number,
  den: RowInterpolator,
  num: RowInterpolator,
  ty: number,
  cap: number,
  floor: number,
  rmsOut: Float32Array | undefined,
): void {
  const { top: dTop, bottom: dBottom } = den;
  const { top: nTop, bottom: nBottom } = num;
  for (let x = from; x < to; x++) {
    const i = row + x;
    const own = v[i] as number;
    const dt = dTop[x] as number;
    const d = f32(dt + ((dBottom[x] as number) - dt) * ty);
    const nt = nTop[x] as number;
    const ms = d > MIN_WEIGHT ? f32(f32(nt + ((nBottom[x] as number) - nt) * ty) / d) : f32(Math.min(cap, own * own));
    const rms = f32(Math.max(floor, Math.sqrt(Math.max(0, ms))));
    if (rmsOut) rmsOut[i] = rms;
    o[i] = own / rms;
  }
}

/**
 * The bilinear upsample of `lerp`, a row at a time: the horizontal step (`top`, `bottom` for every output
 * x) depends only on the two source rows, which ~4 consecutive output rows share at a factor of 4, so it
 * is done once per source-row pair and kept in doubles, exactly the values lerp computes; each pixel then
 * does only the vertical step. Same numbers, a third of the arithmetic.
 */
class RowInterpolator {
  readonly top: Float64Array;
  readonly bottom: Float64Array;
  private readonly taps: Taps;
  private r0 = -1;
  private r1 = -1;

  constructor(
    private readonly small: Plane,
    width: number,
    height: number,
  ) {
    this.taps = tapsFor(small, width, height);
    this.top = new Float64Array(width);
    this.bottom = new Float64Array(width);
  }

  /** Makes top/bottom those of output row y; returns its vertical weight. */
  seek(y: number): number {
    const t = this.taps;
    const r0 = t.r0[y] as number;
    const r1 = t.r1[y] as number;
    if (r0 !== this.r0 || r1 !== this.r1) {
      const d = this.small.data;
      const { x0, x1, tx } = t;
      for (let x = 0; x < this.top.length; x++) {
        const a = x0[x] as number;
        const b = x1[x] as number;
        const w = tx[x] as number;
        this.top[x] = (d[r0 + a] as number) * (1 - w) + (d[r0 + b] as number) * w;
        this.bottom[x] = (d[r1 + a] as number) * (1 - w) + (d[r1 + b] as number) * w;
      }
      this.r0 = r0;
      this.r1 = r1;
    }
    return t.ty[y] as number;
  }
}

/**
 * blurLarge(values, sigma) from planes.ts, read at single pixels (x, y): the same numbers, for a metric
 * that needs the background at a fraction of the pixels and not the full-size plane.
 */
export function blurLargeAt(values: Plane, sigma: number): (x: number, y: number) => number {
  const small = gaussianBlur(downsample(values, FACTOR), sigma / FACTOR);
  const t = tapsFor(small, values.width, values.height);
  return (x, y) =>
    lerp(
      small.data,
      t.r0[y] as number,
      t.r1[y] as number,
      t.x0[x] as number,
      t.x1[x] as number,
      t.tx[x] as number,
      t.ty[y] as number,
    );
}
