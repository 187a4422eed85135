import { sweepBoxPasses } from "./box-sweep";
import { selectNth } from "./select";

/** A single-channel float image, row-major. */
export type Plane = { data: Float32Array; width: number; height: number };

export function makePlane(width: number, height: number): Plane {
  return { data: new Float32Array(width * height), width, height };
}

/** The rectangle x0..x1, y0..y1 (inclusive) of a plane, as a plane of its own. */
export function cropPlane(src: Plane, x0: number, y0: number, x1: number, y1: number): Plane {
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const out = makePlane(w, h);
  for (let y = 0; y < h; y++) {
    const from = (y0 + y) * src.width + x0;
    out.data.set(src.data.subarray(from, from + w), y * w);
  }
  return out;
}

/** Rows from..to (inclusive) of a plane: the part of a blur a caller reads. */
export type RowRange = { from: number; to: number };

/**
 * Separable box blur with running sums: O(1) per pixel whatever the radius; edges clamp. Swept by box-sweep.ts: the
 * horizontal boxes of the rows into a scratch plane, then the vertical running column sums from it.
 *
 * The running sums are doubles. A float32 plane's values span far fewer than double's 53 bits, so each
 * sum is exact whatever row it started from: the blur's value at a pixel depends only on the pixels in its
 * window. A float32 column sum did not (it carried rounding down the column: short vertical streaks below
 * a beard's edge were marked hair), and it made a blur of some rows differ from the whole-plane blur there.
 *
 * With `rows`, only those output rows are computed (from the source rows r beyond them, clamped at the
 * plane's edges as the whole blur is): the same values there as the whole-plane blur; other rows of
 * `into` are left as they were. `into` may be src's own data.
 */
export function boxBlur(src: Plane, radius: number, into?: Float32Array, rows?: RowRange): Plane {
  const { width: w, height: h } = src;
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return { data: src.data.slice(), width: w, height: h };
  const out = into ?? new Float32Array(w * h);
  sweepBoxPasses(src.data, w, h, r, 1, out, Math.max(0, rows?.from ?? 0), Math.min(h - 1, rows?.to ?? h - 1));
  return { data: out, width: w, height: h };
}

/** The radius of each of gaussianBlur's three box passes for a sigma (Wells 1986). */
function boxRadius(sigma: number): number {
  return Math.max(1, Math.round(Math.sqrt((12 * sigma * sigma) / 3 + 1) / 2));
}

/** How far gaussianBlur reaches: an output pixel depends on the source pixels at most this far away each way. */
export function gaussianReach(sigma: number): number {
  return 3 * boxRadius(sigma);
}

/**
 * Three box passes approximate a Gaussian of the given sigma (Wells 1986), swept by box-sweep.ts: the
 * same values as three chained boxBlur calls. `into` may be src's own data (an in-place blur). With `rows`, only
 * those rows are written, each with the whole-plane blur's value (see boxBlur); other rows of `into` are left as
 * they were.
 */
export function gaussianBlur(src: Plane, sigma: number, into?: Float32Array, rows?: RowRange): Plane {
  const r = boxRadius(sigma);
  const { width, height } = src;
  const out = into ?? new Float32Array(width * height);
  const from = Math.max(0, rows?.from ?? 0);
  const to = Math.min(height - 1, rows?.to ?? height - 1);
  sweepBoxPasses(src.data, width, height, r, 3, out, from, to);
  return { data: out, width, height };
}

/** Area-average downsample by an integer factor. */
export function downsample(src: Plane, factor: number): Plane {
  const w = Math.max(1, Math.floor(src.width / factor));
  const h = Math.max(1, Math.floor(src.height / factor));
  const out = makePlane(w, h);
  const inv = 1 / (factor * factor);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * src.width + x * factor;
        for (let dx = 0; dx < factor; dx++) acc += src.data[row + dx] ?? 0;
      }
      out.data[y * w + x] = acc * inv;
    }
  }
  return out;
}

/** Bilinear upsample of a downsampled plane back to (width, height); column taps are precomputed. */
export function upsample(src: Plane, width: number, height: number): Plane {
  const out = makePlane(width, height);
  const sw = src.width;
  const sx = sw / width;
  const sy = src.height / height;
  const xi0 = new Int32Array(width);
  const xi1 = new Int32Array(width);
  const xt = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    const x0 = Math.floor(fx);
    xi0[x] = x0;
    xi1[x] = Math.min(sw - 1, x0 + 1);
    xt[x] = fx - x0;
  }
  const d = src.data;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(src.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const r0 = Math.floor(fy) * sw;
    const r1 = Math.min(src.height - 1, Math.floor(fy) + 1) * sw;
    const ty = fy - Math.floor(fy);
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const x0 = xi0[x] as number;
      const x1 = xi1[x] as number;
      const tx = xt[x] as number;
      const top = (d[r0 + x0] as number) * (1 - tx) + (d[r0 + x1] as number) * tx;
      const bottom = (d[r1 + x0] as number) * (1 - tx) + (d[r1 + x1] as number) * tx;
      out.data[row + x] = top + (bottom - top) * ty;
    }
  }
  return out;
}

/** A large blur done cheaply: downsample, blur, upsample (the background estimate needs no detail). */
export function blurLarge(src: Plane, sigma: number, factor = 4): Plane {
  const small = downsample(src, factor);
  return upsample(gaussianBlur(small, sigma / factor), src.width, src.height);
}

/**
 * Every step-th value under the mask. ~8k samples pin a median to well under the metrics' resolution at a
 * fifth of the cost of all pixels; the order statistics are then found by selection, which gives the values
 * a numeric sort would put there.
 */
function sampleUnder(values: Float32Array, mask: Uint8Array): Float64Array {
  const step = Math.max(1, Math.floor(values.length / 8_000));
  const picked = new Float64Array(Math.ceil(values.length / step));
  let n = 0;
  for (let i = 0; i < values.length; i += step) if (mask[i]) picked[n++] = values[i] as number;
  return picked.subarray(0, n);
}

/** Median and median absolute deviation (scaled to σ for a normal) of plane values under a mask. */
export function robustStats(values: Float32Array, mask: Uint8Array): { median: number; sigma: number } {
  const picked = sampleUnder(values, mask);
  if (picked.length === 0) return { median: 0, sigma: 0 };
  const mid = picked.length >> 1;
  const median = selectNth(picked, mid);
  const dev = picked.map((v) => Math.abs(v - median));
  return { median, sigma: 1.4826 * selectNth(dev, mid) };
}

/** The median of robustStats alone. */
export function robustMedian(values: Float32Array, mask: Uint8Array): number {
  const picked = sampleUnder(values, mask);
  return picked.length > 0 ? selectNth(picked, picked.length >> 1) : 0;
}

export function percentile(values: number[], p: number): number {
  return sortedPercentile(Float64Array.from(values).sort(), p);
}

/**
 * sortedPercentile() of values in any order, by selection (reorders them): a few percentiles of ~10k samples cost
 * a quickselect each instead of a sort. For NaN-free input only (a sort puts NaN last; the selection does not).
 */
export function selectedPercentile(values: Float64Array, p: number): number {
  if (values.length === 0) return 0;
  return selectNth(values, Math.min(values.length - 1, Math.max(0, Math.round((p / 100) * (values.length - 1)))));
}

/** percentile() of values already sorted ascending: several percentiles of one sample need one sort. */
export function sortedPercentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))))] ?? 0;
}
