import type { Plane } from "./planes";

/**
 * Oriented-hair cue (spots10): whether a candidate lies on a line or an edge of darkness rather than being a compact
 * spot. The hard false dark candidates sit on brow edges, stubble and the hairline (spots9): a hair or the edge of a
 * brow darkens skin along a direction, a pigment spot darkens it the same way all round. Read on the green-OD darkness
 * contrast (lesions.ts dDark) in a window of radius R = clamp(2r + 3, 5, 12) px around the candidate:
 * - `hairCoherence`: the structure tensor's coherence, (λ1 − λ2) / (λ1 + λ2) of the summed outer products of the
 *   darkness gradient. A disc's gradients point all round (≈ 0); a line's or an edge's share one axis (→ 1).
 * - `hairAlong`: the mean darkness at distance r + 2 .. R along the dominant line (across the dominant gradient) on
 *   both sides, minus that across it, in units of the local darkness noise: a hair goes on past the blob, a spot
 *   does not.
 * - `hairEdge`: |darkness on one side across − the other side| over the noise: a brow's or the hairline's edge is dark
 *   on one side only.
 * - `hairShare`: the share of beard and stubble (SkinContext.hair) within R + r: stubble dots next to the beard mask.
 * The window stays within candidates.ts's reach of the planes (SIGNAL_REACH): R + 1 ≤ 13 px from the peak.
 */
export const HAIR_CUE_FEATURES = ["hairCoherence", "hairAlong", "hairEdge", "hairShare"] as const;

const MIN_WINDOW = 5;
const MAX_WINDOW = 12;
/** The darkness noise floor (lesions.ts zScore's 0.8% darkness), so flat skin is not amplified. */
const NOISE_FLOOR = 0.8;

/** Mean of `p` on the segment from distance d0 to d1 along (ux, uy) from (cx, cy), nearest pixel. */
function segmentMean(p: Plane, cx: number, cy: number, ux: number, uy: number, d0: number, d1: number): number {
  let s = 0;
  let n = 0;
  for (let d = d0; d <= d1; d++) {
    const x = Math.floor(cx + ux * d);
    const y = Math.floor(cy + uy * d);
    if (x < 0 || y < 0 || x >= p.width || y >= p.height) continue;
    s += p.data[y * p.width + x] ?? 0;
    n++;
  }
  return n ? s / n : 0;
}

/**
 * The cue's features for a candidate at (cx, cy) of radius r (window pixels); `dark` is the darkness contrast,
 * `noise` its local noise, `hair` the beard mask.
 */
export function hairCueFeatures(
  dark: Plane,
  noise: Plane,
  hair: Uint8Array,
  cx: number,
  cy: number,
  r: number,
): number[] {
  const { width: w, height: h, data } = dark;
  const R = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, Math.round(2 * r + 3)));
  const x0 = Math.round(cx - 0.5);
  const y0 = Math.round(cy - 0.5);
  let jxx = 0;
  let jyy = 0;
  let jxy = 0;
  let hairN = 0;
  let n = 0;
  const H = Math.round(R + r);
  for (let y = Math.max(1, y0 - H); y <= Math.min(h - 2, y0 + H); y++) {
    for (let x = Math.max(1, x0 - H); x <= Math.min(w - 2, x0 + H); x++) {
      const dx = x - x0;
      const dy = y - y0;
      const d2 = dx * dx + dy * dy;
      if (d2 > H * H) continue;
      n++;
      if (hair[y * w + x]) hairN++;
      if (d2 > R * R) continue;
      const i = y * w + x;
      const gx = ((data[i + 1] ?? 0) - (data[i - 1] ?? 0)) / 2;
      const gy = ((data[i + w] ?? 0) - (data[i - w] ?? 0)) / 2;
      jxx += gx * gx;
      jyy += gy * gy;
      jxy += gx * gy;
    }
  }
  const tr = jxx + jyy;
  const diff = Math.sqrt((jxx - jyy) ** 2 + 4 * jxy * jxy);
  const coherence = tr > 1e-9 ? diff / tr : 0;
  // The dominant gradient's direction; the line runs across it.
  const theta = 0.5 * Math.atan2(2 * jxy, jxx - jyy);
  const gxu = Math.cos(theta);
  const gyu = Math.sin(theta);
  const i0 = Math.min(w * h - 1, Math.max(0, y0 * w + x0));
  const sigma = Math.max(NOISE_FLOOR, noise.data[i0] ?? NOISE_FLOOR);
  const d0 = Math.ceil(r + 2);
  const d1 = Math.max(d0, R);
  const along = (segmentMean(dark, cx, cy, -gyu, gxu, d0, d1) + segmentMean(dark, cx, cy, gyu, -gxu, d0, d1)) / 2;
  const acrossA = segmentMean(dark, cx, cy, gxu, gyu, d0, d1);
  const acrossB = segmentMean(dark, cx, cy, -gxu, -gyu, d0, d1);
  return [coherence, (along - (acrossA + acrossB) / 2) / sigma, Math.abs(acrossA - acrossB) / sigma, n ? hairN / n : 0];
}
