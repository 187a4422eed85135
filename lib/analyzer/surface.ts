import { FACE_WIDTH, FACE_WIDTH_MM } from "./face-crop";
import { blurLargeAt } from "./masked-blur";
import { T_ZONE } from "./mesh-regions";
import { downsample, gaussianBlur } from "./planes";
import { arena } from "./scratch-arena";
import { regionLabel, type SkinContext } from "./skin-context";
import { REGION_NAMES, type RegionName } from "../domain/skin-report";

/**
 * Surface signs: pore texture and shine.
 */

/** Band-pass (DoG σ 1–3 px at 256 px face width) L* energy on cheeks and nose. Measured on the clean sample crops: 0.3–1.5. */
export function measureTexture(ctx: SkinContext): number {
  // At 256 px face width a 0.75× or JPEG q70 copy still holds this band, so the grade does not move with them.
  const small = downsample(ctx.lab.L, 2);
  const fine = gaussianBlur(small, 1, arena.float32(small.data.length));
  const coarse = gaussianBlur(small, 3, arena.float32(small.data.length));
  let acc = 0;
  let n = 0;
  const want = labelSet(["leftCheek", "rightCheek", "nose"]);
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      const i = 2 * y * ctx.width + 2 * x;
      if (!ctx.skin[i] || !want[ctx.labels[i] as number]) continue;
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
  const bgAt = blurLargeAt(ctx.lab.logY, 16);
  const inTZone = labelSet(T_ZONE);
  const nose = regionLabel("nose");
  const lensBottom =
    Math.max(ctx.mesh[145]?.[1] ?? 0, ctx.mesh[374]?.[1] ?? 0) + LENS_BELOW_LID_MM * (FACE_WIDTH / FACE_WIDTH_MM);
  let hits = 0;
  let n = 0;
  const chromaMedian = Math.hypot(ctx.median.a, ctx.median.b);
  const { logY, a, b } = ctx.lab;
  for (let y = 0, i = 0; y < ctx.height; y++) {
    for (let x = 0; x < ctx.width; x++, i++) {
      const label = ctx.labels[i] as number;
      if (!ctx.skin[i] || !inTZone[label]) continue;
      if (label === nose && y < lensBottom) continue;
      n++;
      const lift = (logY.data[i] as number) - bgAt(x, y);
      // ≥ 30% brighter than the local skin and chroma below 75% of the skin's: measured on the sample highlights.
      // The chroma only where the lift passes: most pixels fail it, and hypot is the loop's costliest call.
      if (lift > 0.26 && Math.hypot(a.data[i] as number, b.data[i] as number) < 0.75 * chromaMedian) hits++;
    }
  }
  return n > 0 ? (100 * hits) / n : 0;
}

/** Lookup by label (0 = none) of the regions named. */
function labelSet(names: readonly RegionName[]): Uint8Array {
  const set = new Uint8Array(REGION_NAMES.length + 1);
  for (const name of names) set[regionLabel(name)] = 1;
  return set;
}
