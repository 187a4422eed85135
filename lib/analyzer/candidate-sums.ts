import { SRGB_TO_LINEAR } from "./color";
import { discOrRing } from "./disc-ring";

/**
 * The disc-and-ring sums behind a candidate's features (candidates.ts describe), each pixel's place in the disc or
 * ring decided once for every plane that reads it. They were separate walks of the same window, one per plane and
 * one per colour footprint, and deciding disc or ring (discOrRing) was most of their cost. Every sum still adds the
 * same pixels in the same order (row by row, left to right), so the features are the same bits.
 */

export type RingAndDisc = {
  /** Mean of `ei` and of `dark` over the ring (r..2r + 2, at least 3 px). */
  ringEi: number;
  ringDark: number;
  /** The ring's minimum of `dark`. */
  ringMinDark: number;
  /** Mean of `z` over the disc (radius r). */
  discZ: number;
};

/** Disc (radius r) and ring (to max(3, 2r + 2)) means of three planes around (cx, cy); see RingAndDisc. */
export function ringAndDisc(
  ei: Float32Array,
  dark: Float32Array,
  z: Float32Array,
  w: number,
  h: number,
  cx: number,
  cy: number,
  r: number,
): RingAndDisc {
  const outer = Math.max(3, 2 * r + 2);
  let zs = 0;
  let dn = 0;
  let es = 0;
  let ks = 0;
  let rn = 0;
  let ringMin = Infinity;
  for (let y = Math.max(0, Math.floor(cy - outer)); y <= Math.min(h - 1, Math.ceil(cy + outer)); y++) {
    for (let x = Math.max(0, Math.floor(cx - outer)); x <= Math.min(w - 1, Math.ceil(cx + outer)); x++) {
      const where = discOrRing(x + 0.5 - cx, y + 0.5 - cy, r, outer);
      if (where === 0) continue;
      const i = y * w + x;
      if (where === 1) {
        zs += z[i] ?? 0;
        dn++;
      } else {
        es += ei[i] ?? 0;
        const v = dark[i] ?? 0;
        ks += v;
        rn++;
        ringMin = Math.min(ringMin, v);
      }
    }
  }
  return {
    ringEi: rn ? es / rn : 0,
    ringDark: rn ? ks / rn : 0,
    ringMinDark: Number.isFinite(ringMin) ? ringMin : 0,
    discZ: dn ? zs / dn : 0,
  };
}

/** What opticalDensities reads: the window's RGB and the face skin (the ring counts skin pixels only). */
export type OdSource = { width: number; height: number; image: { data: Uint8Array }; faceSkin: Uint8Array };

/**
 * Optical density of a blob against the ring around it, per channel: −ln(disc / ring) of linear R, G, B, the disc
 * of radius max(1.5, r) and the ring to max(4, 2r + 2) (the ring's face-skin pixels only); for the blob's own radius
 * r and for r + grow, its colour's footprint (candidates.ts chromaRadius). Returns [R, G, B, R', G', B'] with the
 * primed ones at r + grow. `grow` ≥ 0: the grown window holds the other, so one walk of it serves both.
 * The density's direction tells the chromophore apart (haemoglobin absorbs green ≫ blue > red, melanin blue >
 * green > red, a shadow all three alike; Anderson & Parrish 1981, Tsumura et al. 1999): what a dermatologist
 * reads as "red", "brown" or "just shade".
 */
export function opticalDensities(
  ctx: OdSource,
  cx: number,
  cy: number,
  r: number,
  grow: number,
): [number, number, number, number, number, number] {
  const { width: w, height: h, faceSkin } = ctx;
  // The table itself, not toLinear: a call into another module per channel and pixel went through the module
  // object's getter, which V8 did not inline (--cpu-prof).
  const linear = SRGB_TO_LINEAR;
  const data = ctx.image.data;
  const outer = Math.max(4, 2 * r + 2);
  const inner = Math.max(1.5, r);
  const outerG = Math.max(4, 2 * (r + grow) + 2);
  const innerG = Math.max(1.5, r + grow);
  let dR = 0;
  let dG = 0;
  let dB = 0;
  let rR = 0;
  let rG = 0;
  let rB = 0;
  let dn = 0;
  let rn = 0;
  let dRg = 0;
  let dGg = 0;
  let dBg = 0;
  let rRg = 0;
  let rGg = 0;
  let rBg = 0;
  let dng = 0;
  let rng = 0;
  for (let y = Math.max(0, Math.floor(cy - outerG)); y <= Math.min(h - 1, Math.ceil(cy + outerG)); y++) {
    for (let x = Math.max(0, Math.floor(cx - outerG)); x <= Math.min(w - 1, Math.ceil(cx + outerG)); x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const whereG = discOrRing(dx, dy, innerG, outerG);
      if (whereG === 0) continue;
      const i = y * w + x;
      const skin = faceSkin[i];
      // Outside the grown window is outside the other too (inner ≤ innerG, outer ≤ outerG); off skin, only a disc adds.
      const where = discOrRing(dx, dy, inner, outer);
      if (where !== 1 && whereG !== 1 && !skin) continue;
      const p = 3 * i;
      const lr = linear[data[p] as number] as number;
      const lg = linear[data[p + 1] as number] as number;
      const lb = linear[data[p + 2] as number] as number;
      if (where === 1) {
        dR += lr;
        dG += lg;
        dB += lb;
        dn++;
      } else if (where === 2 && skin) {
        rR += lr;
        rG += lg;
        rB += lb;
        rn++;
      }
      if (whereG === 1) {
        dRg += lr;
        dGg += lg;
        dBg += lb;
        dng++;
      } else if (skin) {
        rRg += lr;
        rGg += lg;
        rBg += lb;
        rng++;
      }
    }
  }
  const od = (disc: number, ring: number, dcount: number, rcount: number) =>
    dcount && rcount ? -Math.log(Math.max(1e-4, disc / dcount) / Math.max(1e-4, ring / rcount)) : 0;
  return [
    od(dR, rR, dn, rn),
    od(dG, rG, dn, rn),
    od(dB, rB, dn, rn),
    od(dRg, rRg, dng, rng),
    od(dGg, rGg, dng, rng),
    od(dBg, rBg, dng, rng),
  ];
}
