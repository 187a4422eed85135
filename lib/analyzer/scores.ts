import type { Grade, Score, SkinScores } from "../domain/skin-report";
import type { Blob } from "./blobs";
import { CHEEKS, T_ZONE } from "./mesh-regions";
import { blurLarge, downsample, gaussianBlur } from "./planes";
import { meanOver, regionLabel, type SkinContext } from "./skin-context";

/** Grade from ascending band edges: value < edges[0] → 0, < edges[1] → 1, < edges[2] → 2, else 3. */
export function gradeFrom(value: number, edges: readonly [number, number, number]): Grade {
  if (value < edges[0]) return 0;
  if (value < edges[1]) return 1;
  if (value < edges[2]) return 2;
  return 3;
}

/**
 * Inflammatory lesions per half face. Hayashi et al. 2008 (J Dermatol 35:255) grade per half face:
 * 0–5 mild, 6–20 moderate, 21–50 severe. We add a "none or minimal" band for 0–2: the detector leaves
 * 0–2 stray blobs on a clear face (measured on the clean crops), so they must not label it as acne.
 */
const ACNE_BANDS = [3, 6, 21] as const;
/**
 * Erythema index (100·log10 R/G, Dawson et al. 1980) of cheeks and nose above the forehead's. The
 * absolute EI rises with melanin (the demo faces span 12–59) and a* shifts with exposure, so the
 * grade compares the same skin with itself: melanin and exposure cancel, haemoglobin does not.
 * Measured on the clean sample crops: −3 to +13; the bands put even skin at 0–1.
 */
const REDNESS_BANDS = [6, 12, 20] as const;
/** Dark non-red spots on the measured skin (count). Bands set on planted spots: 3 and 8 planted spots should read mild and moderate. */
const PIGMENT_BANDS = [3, 8, 16] as const;
/** Band-pass (DoG σ 1–3 px at 256 px face width) L* energy on cheeks and nose. Measured on the clean sample crops: 0.3–1.5. */
const PORE_BANDS = [1.6, 2.4, 3.4] as const;
/** Specular fraction of the T-zone (% of pixels). Measured: matte 0–1%, oily T-zone highlights 3–10%. */
const SHINE_BANDS = [1.5, 4, 9] as const;
/** Cheek L* − under-eye L*. Periorbital hyperpigmentation is visible from ≈ 4–5 L* (Ranu et al. 2011 report 3–12). */
const UNDER_EYE_BANDS = [5, 8.5, 12] as const;

function score(value: number, edges: readonly [number, number, number], metric: string, confidence: number): Score {
  return { grade: gradeFrom(value, edges), raw: Math.round(value * 1000) / 1000, metric, confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100 };
}

function textureEnergy(ctx: SkinContext): number {
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

function specularFraction(ctx: SkinContext): number {
  // Specular highlights: well above the local skin luminance and less saturated than the skin around
  // them. Ratios (log luminance, chroma share) so that ±10% exposure does not move the grade.
  const bg = blurLarge(ctx.lab.logY, 16);
  const labels = new Set(T_ZONE.map(regionLabel));
  let hits = 0;
  let n = 0;
  const chromaMedian = Math.hypot(ctx.median.a, ctx.median.b);
  for (let i = 0; i < ctx.labels.length; i++) {
    if (!ctx.skin[i] || !labels.has(ctx.labels[i] ?? 0)) continue;
    n++;
    const lift = (ctx.lab.logY.data[i] ?? 0) - (bg.data[i] ?? 0);
    const chroma = Math.hypot(ctx.lab.a.data[i] ?? 0, ctx.lab.b.data[i] ?? 0);
    // ≥ 30% brighter than the local skin and chroma below 75% of the skin's: measured on the sample highlights.
    if (lift > 0.26 && chroma < 0.75 * chromaMedian) hits++;
  }
  return n > 0 ? (100 * hits) / n : 0;
}

export function countPerHalf(ctx: SkinContext, blobs: readonly Blob[]): number {
  const mid = ctx.mesh[168]?.[0] ?? ctx.width / 2;
  let left = 0;
  let right = 0;
  for (const b of blobs) {
    if (b.x < mid) left++;
    else right++;
  }
  return Math.max(left, right);
}

export function computeScores(ctx: SkinContext, lesions: readonly Blob[], spots: readonly Blob[], confidence: number): SkinScores {
  const redness = meanOver(ctx, "ei", [...CHEEKS, "nose"]) - meanOver(ctx, "ei", ["forehead"]);
  const cheekL = meanOver(ctx, "L", CHEEKS);
  const underL = meanOver(ctx, "L", ["leftUnderEye", "rightUnderEye"]);
  return {
    acne: score(countPerHalf(ctx, lesions), ACNE_BANDS, "inflammatory lesions per half face", confidence),
    redness: score(redness, REDNESS_BANDS, "erythema index of cheeks and nose above forehead", confidence),
    pigmentation: score(spots.length, PIGMENT_BANDS, "dark spots (count)", confidence),
    pores: score(textureEnergy(ctx), PORE_BANDS, "band-pass L* energy on cheeks and nose", confidence * 0.8),
    shine: score(specularFraction(ctx), SHINE_BANDS, "specular % of T-zone", confidence),
    underEye: score(cheekL - underL, UNDER_EYE_BANDS, "cheek L* − under-eye L*", confidence),
  };
}
