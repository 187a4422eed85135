/** A single-channel float image, row-major. */
export type Plane = { data: Float32Array; width: number; height: number };

export function makePlane(width: number, height: number): Plane {
  return { data: new Float32Array(width * height), width, height };
}

/** Separable box blur with running sums: O(1) per pixel whatever the radius; edges clamp. */
export function boxBlur(src: Plane, radius: number): Plane {
  const { width: w, height: h } = src;
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return { data: src.data.slice(), width: w, height: h };
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let acc = 0;
    for (let k = -r; k <= r; k++) acc += src.data[row + Math.min(w - 1, Math.max(0, k))] ?? 0;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = acc / n;
      const add = src.data[row + Math.min(w - 1, x + r + 1)] ?? 0;
      const sub = src.data[row + Math.max(0, x - r)] ?? 0;
      acc += add - sub;
    }
  }
  for (let x = 0; x < w; x++) {
    let acc = 0;
    for (let k = -r; k <= r; k++) acc += tmp[Math.min(h - 1, Math.max(0, k)) * w + x] ?? 0;
    for (let y = 0; y < h; y++) {
      out[y * w + x] = acc / n;
      const add = tmp[Math.min(h - 1, y + r + 1) * w + x] ?? 0;
      const sub = tmp[Math.max(0, y - r) * w + x] ?? 0;
      acc += add - sub;
    }
  }
  return { data: out, width: w, height: h };
}

/** Three box passes approximate a Gaussian of the given sigma (Wells 1986). */
export function gaussianBlur(src: Plane, sigma: number): Plane {
  const r = Math.max(1, Math.round(Math.sqrt((12 * sigma * sigma) / 3 + 1) / 2));
  return boxBlur(boxBlur(boxBlur(src, r), r), r);
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

/** Bilinear upsample of a downsampled plane back to (width, height). */
export function upsample(src: Plane, width: number, height: number): Plane {
  const out = makePlane(width, height);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(src.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(src.height - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(src.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(src.width - 1, x0 + 1);
      const tx = fx - x0;
      const a = src.data[y0 * src.width + x0] ?? 0;
      const b = src.data[y0 * src.width + x1] ?? 0;
      const c = src.data[y1 * src.width + x0] ?? 0;
      const d = src.data[y1 * src.width + x1] ?? 0;
      out.data[y * width + x] = (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
    }
  }
  return out;
}

/** A large blur done cheaply: downsample, blur, upsample (the background estimate needs no detail). */
export function blurLarge(src: Plane, sigma: number, factor = 4): Plane {
  const small = downsample(src, factor);
  return upsample(gaussianBlur(small, sigma / factor), src.width, src.height);
}

/** Median and median absolute deviation (scaled to σ for a normal) of plane values under a mask. */
export function robustStats(values: Float32Array, mask: Uint8Array): { median: number; sigma: number } {
  const picked: number[] = [];
  // ~8k samples pin a median to well under the metrics' resolution at a fifth of the sort cost.
  const step = Math.max(1, Math.floor(values.length / 8_000));
  for (let i = 0; i < values.length; i += step) if (mask[i]) picked.push(values[i] ?? 0);
  if (picked.length === 0) return { median: 0, sigma: 0 };
  picked.sort((a, b) => a - b);
  const median = picked[picked.length >> 1] ?? 0;
  const dev = picked.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
  return { median, sigma: 1.4826 * (dev[dev.length >> 1] ?? 0) };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round((p / 100) * (s.length - 1))))] ?? 0;
}
