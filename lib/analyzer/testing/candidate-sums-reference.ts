import type { OdSource } from "../candidate-sums";
import { SRGB_TO_LINEAR } from "../color";
import { discOrRing } from "../disc-ring";

/*
 * The candidate features' disc-and-ring sums as candidates.ts computed them before candidate-sums.ts: one walk per
 * plane and per colour footprint. candidate-sums.test.ts holds the fused walks to these, bit for bit.
 */

/** Mean of a plane over a disc of radius r and the ring r..max(3, 2r + 2) around (cx, cy), plus the ring's minimum. */
export function discAndRing(
  p: Float32Array,
  w: number,
  h: number,
  cx: number,
  cy: number,
  r: number,
): { disc: number; ring: number; ringMin: number } {
  const outer = Math.max(3, 2 * r + 2);
  let ds = 0;
  let dn = 0;
  let rs = 0;
  let rn = 0;
  let ringMin = Infinity;
  for (let y = Math.max(0, Math.floor(cy - outer)); y <= Math.min(h - 1, Math.ceil(cy + outer)); y++) {
    for (let x = Math.max(0, Math.floor(cx - outer)); x <= Math.min(w - 1, Math.ceil(cx + outer)); x++) {
      const where = discOrRing(x + 0.5 - cx, y + 0.5 - cy, r, outer);
      if (where === 0) continue;
      const v = p[y * w + x] ?? 0;
      if (where === 1) {
        ds += v;
        dn++;
      } else {
        rs += v;
        rn++;
        ringMin = Math.min(ringMin, v);
      }
    }
  }
  return { disc: dn ? ds / dn : 0, ring: rn ? rs / rn : 0, ringMin: Number.isFinite(ringMin) ? ringMin : 0 };
}

/** −ln(disc / ring) of linear R, G, B: the disc of radius max(1.5, r), the ring to max(4, 2r + 2) on face skin. */
export function opticalDensity(ctx: OdSource, cx: number, cy: number, r: number): [number, number, number] {
  const { width: w, height: h, image } = ctx;
  const linear = SRGB_TO_LINEAR;
  const data = image.data;
  const outer = Math.max(4, 2 * r + 2);
  const inner = Math.max(1.5, r);
  let dR = 0;
  let dG = 0;
  let dB = 0;
  let rR = 0;
  let rG = 0;
  let rB = 0;
  let dn = 0;
  let rn = 0;
  for (let y = Math.max(0, Math.floor(cy - outer)); y <= Math.min(h - 1, Math.ceil(cy + outer)); y++) {
    for (let x = Math.max(0, Math.floor(cx - outer)); x <= Math.min(w - 1, Math.ceil(cx + outer)); x++) {
      const where = discOrRing(x + 0.5 - cx, y + 0.5 - cy, inner, outer);
      const p = 3 * (y * w + x);
      if (where === 1) {
        dR += linear[data[p] as number] as number;
        dG += linear[data[p + 1] as number] as number;
        dB += linear[data[p + 2] as number] as number;
        dn++;
      } else if (where === 2 && ctx.faceSkin[y * w + x]) {
        rR += linear[data[p] as number] as number;
        rG += linear[data[p + 1] as number] as number;
        rB += linear[data[p + 2] as number] as number;
        rn++;
      }
    }
  }
  const od = (disc: number, ring: number) =>
    dn && rn ? -Math.log(Math.max(1e-4, disc / dn) / Math.max(1e-4, ring / rn)) : 0;
  return [od(dR, rR), od(dG, rG), od(dB, rB)];
}
