import type { Plane } from "./planes";
import { arena } from "./scratch-arena";

export type Blob = {
  x: number;
  y: number;
  area: number;
  /** Equivalent-circle radius, px. */ r: number;
  peak: number;
  /** Major/minor axis ratio from second moments. */ elongation: number;
};

export type BlobOptions = {
  /** Pixels with signal ≥ threshold (inside the mask) form blobs. */
  threshold: number;
  /** A blob also needs a peak this high: hysteresis keeps speckle out. */
  peak: number;
  minArea: number;
  maxArea: number;
  maxElongation: number;
};

/** 8-connected components of signal ≥ threshold within mask; a sign flip lets callers look for dips. */
export function findBlobs(signal: Plane, mask: Uint8Array, opts: BlobOptions): Blob[] {
  const { width: w, height: h, data } = signal;
  const seen = arena.uint8(w * h);
  const stack: number[] = [];
  const blobs: Blob[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || !mask[start] || (data[start] ?? 0) < opts.threshold) continue;
    seen[start] = 1;
    stack.push(start);
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    let peak = -Infinity;
    let outside = 0;
    let tooBig = false;
    while (stack.length > 0) {
      const p = stack.pop() ?? 0;
      const x = p % w;
      const y = (p - x) / w;
      if (!mask[p]) {
        outside++;
      } else {
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
        peak = Math.max(peak, data[p] ?? 0);
      }
      // Keep flooding a too-big blob to its end so no fragment of it is picked up later as a lesion.
      if (n + outside > 2 * opts.maxArea) tooBig = true;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (seen[q] || (data[q] ?? 0) < opts.threshold) continue;
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    // A blob lying mostly outside the skin mask is an edge (lip, brow, nostril, hairline), not a lesion
    // at the rim of a region.
    if (tooBig || outside > 0.5 * n || n < opts.minArea || n > opts.maxArea || peak < opts.peak) continue;
    const mx = sx / n;
    const my = sy / n;
    const cxx = sxx / n - mx * mx;
    const cyy = syy / n - my * my;
    const cxy = sxy / n - mx * my;
    const tr = cxx + cyy;
    const det = Math.sqrt(Math.max(0, (tr * tr) / 4 - (cxx * cyy - cxy * cxy)));
    const l1 = tr / 2 + det;
    const l2 = Math.max(1e-3, tr / 2 - det);
    const elongation = Math.sqrt(l1 / l2);
    if (elongation > opts.maxElongation) continue;
    blobs.push({ x: mx + 0.5, y: my + 0.5, area: n, r: Math.sqrt(n / Math.PI), peak, elongation });
  }
  return blobs;
}
