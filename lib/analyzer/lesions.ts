import type { Blob } from "./blobs";
import { acceptCandidates, MODELS } from "./candidate-model";
import { findDarkCandidates, findRedCandidates, lesionMask, type Candidate } from "./candidates";
import type { RgbImage } from "./decode";
import { FLOOR_VARIANCE, HAEMOGLOBIN_IN_BASIS, haemoglobinZ, MATCHED_SIGMA, odContrast } from "./haemoglobin-filter";
import {
  contrastToBackground,
  divideByLocalRms,
  smallMaskedBlur,
  smallMaskedSquaresBlur,
  smallMask,
  smallMaskWeight,
} from "./masked-blur";
import { gaussianBlur, gaussianReach, robustStats, type Plane } from "./planes";
import { spansAround, type RowSpans } from "./row-spans";
import { arenaPlaneToOverwrite } from "./scratch-arena";
import type { SkinContext } from "./skin-context";

/**
 * Background of a plane over skin only (normalised convolution), so lips, brows and hair next to a
 * region do not bleed into it. σ = 12 px at 512 px face width ≈ 3 mm: about three lesion radii.
 */
const BACKGROUND_SIGMA = 12;

/** The planes hold their values within SIGNAL_REACH of the face skin (see computeSignals), 0 or unmeaningful beyond. */
export type DetectorSignals = {
  /** Erythema-index contrast against the local background (EI units). */
  dEi: Plane;
  /** Darkness contrast: green optical density, −100·Δln(G) of linear green, against the local background (≈ % darker). */
  dDark: Plane;
  /** The same contrasts in units of their local noise (see zScore). */
  zEi: Plane;
  zDark: Plane;
  /** Local noise of the filtered contrasts (their z divisors): texture around each pixel. */
  noiseEi: Plane;
  noiseDark: Plane;
  /** Haemoglobin's colour matched filter over the per-channel optical density (haemoglobin-filter.ts), in units of its noise. */
  zHb: Plane;
};

/**
 * Local noise of a contrast plane: the RMS over skin in a σ = 24 px (≈ 6 mm) window. The whole face
 * is not equally smooth (the nose's sides, a stubbled chin and JPEG blocks on a flat cheek differ by 2×),
 * so one face-wide σ set the bar too high on smooth skin and too low on rough skin. A 3 mm lesion
 * adds < 3% of the window's energy, so it barely raises its own bar. Floored so flat skin is not
 * amplified into noise: 0.6 EI and 0.8% darkness ≈ 8-bit quantisation after the matched filter (reasoned for
 * luminance darkness; one 8-bit step of green is larger on dark skin, so the floor binds less there).
 */
const NOISE_SIGMA = 24;
function zScore(
  contrast: Plane,
  mask: Uint8Array,
  weight: Plane,
  floor: number,
  spans: RowSpans,
): { z: Plane; noise: Plane } {
  // Winsorised at 2.5 face-wide robust σ: lesions, brow hairs and lid edges inside the window would
  // otherwise inflate the noise around themselves.
  const cap = (2.5 * robustStats(contrast.data, mask).sigma) ** 2;
  // divideByLocalRms writes every pixel of it.
  const noise = arenaPlaneToOverwrite(contrast.width, contrast.height);
  const squares = smallMaskedSquaresBlur(contrast, mask, cap, NOISE_SIGMA);
  return { z: divideByLocalRms(contrast, squares, weight, cap, floor, noise.data, spans), noise };
}

/** gain · (plane − its background over skin only), the background at BACKGROUND_SIGMA, on `spans`. */
function backgroundContrast(values: Plane, mask: Uint8Array, weight: Plane, gain: number, spans: RowSpans): Plane {
  return contrastToBackground(values, smallMaskedBlur(values, mask, BACKGROUND_SIGMA), weight, gain, spans);
}

/**
 * Darkness: the green channel's optical density against the skin's background over `mask` (−100·Δln of linear
 * green, ≈ % darker), blurred by σ 1.5 px. `weight` is the mask's blurred weight at BACKGROUND_SIGMA. Shading,
 * which darkens every channel alike, is divided out by the ~3 mm background.
 *
 * Green, not luminance: luminance weighs each channel by its share of the skin's light, and melanin takes green
 * and blue more than red, so on dark skin luminance is mostly red light, which haemoglobin barely absorbs. A
 * haemoglobin lesion darkened luminance by 0.41 of its absorbance on light skin and by 0.35 at the evaluation's
 * darkest re-tone (dev, the same 14 faces at added melanin 0 and 4: median dDark of the lesions' candidates 17.4
 * → 14.8), green by 0.55 on every tone. A melanin spot's green OD is likewise its own on every tone.
 */
export function darknessContrast(image: RgbImage, mask: Uint8Array, weight: Plane, spans?: RowSpans): Plane {
  return odContrast(image, 1, (v) => smallMaskedBlur(v, mask, BACKGROUND_SIGMA), weight, spans);
}

/**
 * How far from the face skin the detectors read the signal planes (px): a candidate's peak is on the lesion mask,
 * whose rows never reach past the face skin's (its holes are enclosed by skin), and candidates.ts reads around it
 * at most MAX_REACH + 1 = 13 px (the extent's flood) and a disc-and-ring of outer radius 2r + 2 ≤ 30.2 px (r of a
 * 25 × 25 extent), i.e. 31 whole pixels from the peak. signals-reach.test.ts holds the candidates to whole-plane ones.
 */
export const SIGNAL_REACH = 32;

/**
 * The detectors' signal planes, computed on the pixels within `reach` of the face skin (SIGNAL_REACH, what the
 * detectors read; about 60% of the window) and 0 or unmeaningful beyond: the hair, neck and background around the
 * face need none of the full-resolution steps.
 */
export function computeSignals(ctx: SkinContext, reach = SIGNAL_REACH): DetectorSignals {
  const { faceSkin, width, height } = ctx;
  const read = spansAround(faceSkin, width, height, reach);
  // The contrasts before their blur cover what the blur reads for those pixels.
  const blurred = spansAround(faceSkin, width, height, reach + gaussianReach(MATCHED_SIGMA));
  const skinSmall = smallMask(faceSkin, width, height);
  const weight = smallMaskWeight(skinSmall, BACKGROUND_SIGMA);
  // Computed on every pixel near skin, not only skin: a blob that continues past the mask edge (lips, hairline,
  // brows) is then seen to do so and rejected by findBlobs.
  const dEi = backgroundContrast(ctx.lab.ei, faceSkin, weight, 1, blurred);
  // Matched filter: lesions are ≥ 1 mm (≈ 4 px) wide, pixel and JPEG chroma noise is finer. A σ = 1.5 px
  // blur keeps ~80% of a lesion's peak and halves the noise (measured on the sample crops).
  // In place: the unfiltered contrast is not needed again.
  const sEi = gaussianBlur(dEi, MATCHED_SIGMA, dEi.data);
  const sDark = darknessContrast(ctx.image, faceSkin, weight, blurred);
  const noiseWeight = smallMaskWeight(skinSmall, NOISE_SIGMA);
  const ei = zScore(sEi, faceSkin, noiseWeight, 0.6, read);
  const dark = zScore(sDark, faceSkin, noiseWeight, 0.8, read);
  // Haemoglobin's matched filter over (EI, green OD, blue OD): the three channels' OD in another basis.
  const odB = odContrast(ctx.image, 2, (v) => smallMaskedBlur(v, faceSkin, BACKGROUND_SIGMA), weight, blurred);
  const floors = [0.6 * 0.6, FLOOR_VARIANCE, FLOOR_VARIANCE] as const;
  const zHb = haemoglobinZ([sEi, sDark, odB], faceSkin, noiseWeight, NOISE_SIGMA, HAEMOGLOBIN_IN_BASIS, floors, read);
  return { dEi: sEi, dDark: sDark, zEi: ei.z, zDark: dark.z, noiseEi: ei.noise, noiseDark: dark.noise, zHb };
}

/**
 * Red lesions: local maxima of redness (and redness + darkness) in units of local noise, kept when the
 * fitted classifier (candidate-model.ts) calls them lesions. Tone adaptation happens in the signal
 * (EI = 100·log10(R/G) turns haemoglobin's absorption into a contrast melanin does not shrink the way it
 * shrinks Δa*), in the threshold (a multiple of the noise measured around each pixel, which follows the
 * extra 8-bit/JPEG noise of darker skin) and in the classifier (ITA° is one of its features).
 */
export function detectRedLesions(ctx: SkinContext, s: DetectorSignals, mask = lesionMask(ctx)): Candidate[] {
  return acceptCandidates(MODELS.red, findRedCandidates(ctx, s, mask));
}

/** Dark (pigment) spots: the same, on darkness, away from the red lesions already found. */
export function detectDarkSpots(
  ctx: SkinContext,
  s: DetectorSignals,
  lesions: readonly Blob[],
  mask = lesionMask(ctx),
): Candidate[] {
  return acceptCandidates(MODELS.dark, findDarkCandidates(ctx, s, mask)).filter((b) => !underLesion(b, lesions));
}

/** Whether a spot overlaps any of the red lesions: it is then the lesion's own darkening, not a spot. */
export function underLesion(b: Blob, lesions: readonly Blob[]): boolean {
  return lesions.some((l) => Math.hypot(l.x - b.x, l.y - b.y) < l.r + b.r);
}
