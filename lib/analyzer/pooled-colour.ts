import { toLinear } from "./color";
import { discOrRing } from "./disc-ring";
import type { SkinContext } from "./skin-context";

/**
 * A candidate's colour pooled over a disc a few pixels wider than the blob. Phone JPEGs store colour at half
 * the resolution of lightness (4:2:0 chroma subsampling) and quantise it harder: on dev, a 1 mm planted papule
 * with an erythema-index rise of 11 in the photo kept 0–2 of it at its centre after a q92 JPEG, while its
 * green-channel darkening survived. Averaging is what subsampling does, so the blob's colour is smeared over
 * its chroma block but not lost: summed over a disc one block (2 photo px, ≈ 2–4 px here) wider, the
 * haemoglobin-versus-melanin direction of a 1–2 mm blob comes back.
 */
const POOL_GROW = 3;

type Photo = Pick<SkinContext, "width" | "height" | "image" | "faceSkin">;

/** −ln(disc / ring) of linear R, G, B: the mean over a disc of radius `inner` against the skin ring out to `outer`. */
export function discRingDensity(
  ctx: Photo,
  cx: number,
  cy: number,
  inner: number,
  outer: number,
): [number, number, number] {
  const { width: w, height: h, image } = ctx;
  const disc = [0, 0, 0];
  const ring = [0, 0, 0];
  let dn = 0;
  let rn = 0;
  for (let y = Math.max(0, Math.floor(cy - outer)); y <= Math.min(h - 1, Math.ceil(cy + outer)); y++) {
    for (let x = Math.max(0, Math.floor(cx - outer)); x <= Math.min(w - 1, Math.ceil(cx + outer)); x++) {
      const where = discOrRing(x + 0.5 - cx, y + 0.5 - cy, inner, outer);
      const into = where === 1 ? disc : where === 2 && ctx.faceSkin[y * w + x] ? ring : null;
      if (!into) continue;
      const p = 3 * (y * w + x);
      for (let c = 0; c < 3; c++) into[c] = (into[c] ?? 0) + toLinear(image.data[p + c] ?? 0);
      if (into === disc) dn++;
      else rn++;
    }
  }
  const od = (c: number) =>
    dn && rn ? -Math.log(Math.max(1e-4, (disc[c] ?? 0) / dn) / Math.max(1e-4, (ring[c] ?? 0) / rn)) : 0;
  return [od(0), od(1), od(2)];
}

/**
 * −ln(disc / ring) of linear R, G, B over a disc of r + POOL_GROW and the skin ring out to twice that:
 * returned as the redness rise (OD of green minus OD of red, ≈ erythema-index contrast / 43) and the blue and
 * green shares of the summed density (haemoglobin absorbs green ≫ blue, melanin blue > green).
 */
export function pooledColour(
  ctx: Photo,
  cx: number,
  cy: number,
  r: number,
): { redness: number; blueShare: number; greenShare: number } {
  const inner = r + POOL_GROW;
  const [odR, odG, odB] = discRingDensity(ctx, cx, cy, inner, 2 * inner);
  const sum = Math.max(0.005, Math.abs(odR) + Math.abs(odG) + Math.abs(odB));
  return { redness: 100 * (odG - odR), blueShare: odB / sum, greenShare: odG / sum };
}
