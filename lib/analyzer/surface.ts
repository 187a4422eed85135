import { FACE_WIDTH, FACE_WIDTH_MM } from "./face-crop";
import { T_ZONE } from "./mesh-regions";
import { blurLarge, downsample, gaussianBlur } from "./planes";
import { regionLabel, type SkinContext } from "./skin-context";

/**
 * Surface signs: pore texture and shine.
 */

/** Band-pass (DoG σ 1–3 px at 256 px face width) L* energy on cheeks and nose. Measured on the clean sample crops: 0.3–1.5. */
export function measureTexture(ctx: SkinContext): number {
  // At 256 px face width a 0.75× or JPEG q70 copy still holds this band, so the grade does not move with them.
  const small = downsample(ctx.lab.L, 2);
  const fine = gaussianBlur(small, 1);
  const coarse = gaussianBlur(small, 3);
  let acc = 0;
  let n = 0;
  const want = new Set([regionLabel("leftCheek"), regionLabel("rightCheek"), regionLabel("nose")]);
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      const i = 2 * y * ctx.width + 2 * x;
      if (!ctx.skin[i] || !want.has(ctx.labels[i] ?? 0)) continue;
      const d = (fine.data[y * small.width + x] ?? 0) - (coarse.data[y * small.width + x] ?? 0);
      acc += d * d;
      n++;
    }
  }
  return n > 0 ? Math.sqrt(acc / n) : 0;
}

/**
 * How far below the lower lids glasses reach: a lens is 30–40 mm tall and centred near the pupil, so
 * its rim sits 10–15 mm below the lid; 20 mm covers the rim and the nose pads with a margin.
 */
const LENS_BELOW_LID_MM = 20;

/**
 * Specular fraction of the T-zone (% of pixels): well above the local skin luminance and less saturated
 * than the skin around them. Ratios (log luminance, chroma share) so that ±10% exposure does not move
 * the grade. The nose counts only from LENS_BELOW_LID_MM below the lower lids: above that glasses'
 * lenses and nose pads sit, and their glare is not skin shine.
 */
export function measureShine(ctx: SkinContext): number {
  const bg = blurLarge(ctx.lab.logY, 16);
  const labels = new Set(T_ZONE.map(regionLabel));
  const nose = regionLabel("nose");
  const lensBottom =
    Math.max(ctx.mesh[145]?.[1] ?? 0, ctx.mesh[374]?.[1] ?? 0) + LENS_BELOW_LID_MM * (FACE_WIDTH / FACE_WIDTH_MM);
  let hits = 0;
  let n = 0;
  const chromaMedian = Math.hypot(ctx.median.a, ctx.median.b);
  for (let i = 0; i < ctx.labels.length; i++) {
    const label = ctx.labels[i] ?? 0;
    if (!ctx.skin[i] || !labels.has(label)) continue;
    if (label === nose && Math.floor(i / ctx.width) < lensBottom) continue;
    n++;
    const lift = (ctx.lab.logY.data[i] ?? 0) - (bg.data[i] ?? 0);
    const chroma = Math.hypot(ctx.lab.a.data[i] ?? 0, ctx.lab.b.data[i] ?? 0);
    // ≥ 30% brighter than the local skin and chroma below 75% of the skin's: measured on the sample highlights.
    if (lift > 0.26 && chroma < 0.75 * chromaMedian) hits++;
  }
  return n > 0 ? (100 * hits) / n : 0;
}
