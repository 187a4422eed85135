import { findBlobs, type Blob } from "./blobs";
import {
  contrastToBackground,
  divideByLocalRms,
  smallMaskedBlur,
  smallMaskedSquaresBlur,
  smallMask,
  smallMaskWeight,
} from "./masked-blur";
import { gaussianBlur, makePlane, robustStats, type Plane } from "./planes";
import type { SkinContext } from "./skin-context";

/**
 * Background of a plane over skin only (normalised convolution), so lips, brows and hair next to a
 * region do not bleed into it. σ = 12 px at 512 px face width ≈ 3 mm: about three lesion radii.
 */
const BACKGROUND_SIGMA = 12;

export type DetectorSignals = {
  /** Erythema-index contrast against the local background (EI units). */
  dEi: Plane;
  /** Darkness contrast: −100·Δln(Y) against the local background (≈ % darker). */
  dDark: Plane;
  /** The same contrasts in units of their local noise (see zScore). */
  zEi: Plane;
  zDark: Plane;
};

/**
 * Local noise of a contrast plane: the RMS over skin in a σ = 24 px (≈ 6 mm) window. The whole face
 * is not equally smooth (the nose's sides, a stubbled chin and JPEG blocks on a flat cheek differ by 2×),
 * so one face-wide σ set the bar too high on smooth skin and too low on rough skin. A 3 mm lesion
 * adds < 3% of the window's energy, so it barely raises its own bar. Floored so flat skin is not
 * amplified into noise: 0.6 EI and 0.8% darkness ≈ 8-bit quantisation after the matched filter.
 */
const NOISE_SIGMA = 24;
function zScore(contrast: Plane, mask: Uint8Array, weight: Plane, floor: number): Plane {
  // Winsorised at 2.5 face-wide robust σ: lesions, brow hairs and lid edges inside the window would
  // otherwise inflate the noise around themselves.
  const cap = (2.5 * robustStats(contrast.data, mask).sigma) ** 2;
  return divideByLocalRms(contrast, smallMaskedSquaresBlur(contrast, mask, cap, NOISE_SIGMA), weight, cap, floor);
}

/** gain · (plane − its background over skin only), the background at BACKGROUND_SIGMA. */
function backgroundContrast(values: Plane, mask: Uint8Array, weight: Plane, gain: number): Plane {
  return contrastToBackground(values, smallMaskedBlur(values, mask, BACKGROUND_SIGMA), weight, gain);
}

export function computeSignals(ctx: SkinContext): DetectorSignals {
  const skinSmall = smallMask(ctx.faceSkin, ctx.width, ctx.height);
  const weight = smallMaskWeight(skinSmall, BACKGROUND_SIGMA);
  // Computed on every pixel, not only skin: a blob that continues past the mask edge (lips, hairline,
  // brows) is then seen to do so and rejected by findBlobs.
  const dEi = backgroundContrast(ctx.lab.ei, ctx.faceSkin, weight, 1);
  // Shading normalisation: dividing by a ~3 mm background removes the slow light fall-off across the face.
  // Darkness is −100·Δln(Y) (≈ % darker).
  const dDark = backgroundContrast(ctx.lab.logY, ctx.faceSkin, weight, -100);
  // Matched filter: lesions are ≥ 1 mm (≈ 4 px) wide, pixel and JPEG chroma noise is finer. A σ = 1.5 px
  // blur keeps ~80% of a lesion's peak and halves the noise (measured on the sample crops).
  // In place: the unfiltered contrasts are not needed again.
  const sEi = gaussianBlur(dEi, 1.5, dEi.data);
  const sDark = gaussianBlur(dDark, 1.5, dDark.data);
  const noiseWeight = smallMaskWeight(skinSmall, NOISE_SIGMA);
  const zEi = zScore(sEi, ctx.faceSkin, noiseWeight, 0.6);
  const zDark = zScore(sDark, ctx.faceSkin, noiseWeight, 0.8);
  return { dEi: sEi, dDark: sDark, zEi, zDark };
}

/**
 * Detection thresholds in units of local noise. Tone adaptation happens in two places:
 * - the signal: EI = 100·log10(R/G) turns haemoglobin's multiplicative absorption into an additive
 *   contrast that melanin does not shrink the way it shrinks Δa* (the spike lost 5 of 6 lesions on
 *   dark skin with a fixed Δa*);
 * - the threshold: a multiple of the noise measured around each pixel, so it follows the extra
 *   8-bit/JPEG noise of darker skin instead of a fixed number.
 */
export const DETECT = {
  /** Peak of the combined redness+darkness statistic a red lesion needs. */
  redPeak: 3.6,
  /** Extent of a blob: a lower cut merges lesions with noise into ragged blobs the shape tests drop. */
  redExtent: 1.8,
  /** Peak on redness alone (flat red macules barely darken). */
  eiPeak: 3.4,
  /** Redness a combined blob still needs at its centre: darkness alone is not a red lesion. */
  eiAtCentre: 1.5,
  darkPeak: 3,
  darkExtent: 1.8,
} as const;

/**
 * Lesion sizes at 512 px face width (≈ 3.8 px/mm): papules and pustules 1–10 mm across (Dréno et al.
 * 2018). A 1 mm papule after the matched filter covers ≈ 8 px above the extent cut; longer shapes are
 * hairs, creases or folds.
 */
const LESION_AREA = { min: 6, max: 2200 };

export function detectRedLesions(ctx: SkinContext, s: DetectorSignals): Blob[] {
  // Haemoglobin both reddens (EI) and darkens (it absorbs green, the main luminance channel): summing
  // the two contrasts, each in units of its own noise, lifts a papule further out of the noise than
  // either alone where EI is noisiest, on dark skin (measured on re-toned crops below ITA −28).
  const z = makePlane(s.zEi.width, s.zEi.height);
  for (let i = 0; i < z.data.length; i++)
    z.data[i] = ((s.zEi.data[i] ?? 0) + Math.max(0, s.zDark.data[i] ?? 0)) / Math.SQRT2;
  const blobs = findBlobs(z, ctx.faceSkin, {
    threshold: DETECT.redExtent,
    peak: DETECT.redPeak,
    minArea: LESION_AREA.min,
    maxArea: LESION_AREA.max,
    maxElongation: 3,
  });
  // Plus the lesions that stand out on redness alone (a flat red macule barely darkens).
  const eiBlobs = findBlobs(s.zEi, ctx.faceSkin, {
    threshold: DETECT.redExtent,
    peak: DETECT.eiPeak,
    minArea: LESION_AREA.min,
    maxArea: LESION_AREA.max,
    maxElongation: 3,
  });
  for (const b of eiBlobs) if (!blobs.some((o) => Math.hypot(o.x - b.x, o.y - b.y) < o.r + b.r)) blobs.push(b);
  // Haemoglobin absorbs green, the main luminance channel: a red lesion is redder and not lighter than
  // its surround. Reddish blobs clearly lighter than the surround (dark < −1.5 %) are lit skin or
  // highlights (measured: every such blob on the clean crops); dark blobs with little EI
  // (EI/darkness < 0.25; planted papules measure 0.3–1.4) are melanin, hair or nostril shadow.
  return blobs.filter((b) => {
    const c = centreSignals(s, b);
    return c.zEi >= DETECT.eiAtCentre && c.dark >= -1.5 && c.ei / Math.max(0.1, c.dark) >= 0.25;
  });
}

function centreSignals(s: DetectorSignals, b: Blob): { ei: number; dark: number; zEi: number } {
  const i = Math.round(b.y - 0.5) * s.dEi.width + Math.round(b.x - 0.5);
  return { ei: s.dEi.data[i] ?? 0, dark: s.dDark.data[i] ?? 0, zEi: s.zEi.data[i] ?? 0 };
}

function redShare(s: DetectorSignals, b: Blob): number {
  const { ei, dark } = centreSignals(s, b);
  return ei / Math.max(0.1, dark);
}

export function detectDarkSpots(ctx: SkinContext, s: DetectorSignals, lesions: readonly Blob[]): Blob[] {
  const mask = new Uint8Array(ctx.faceSkin.length);
  for (let i = 0; i < mask.length; i++) mask[i] = ctx.faceSkin[i] && !ctx.folds[i] ? 1 : 0;
  const blobs = findBlobs(s.zDark, mask, {
    threshold: DETECT.darkExtent,
    peak: DETECT.darkPeak,
    minArea: LESION_AREA.min,
    maxArea: LESION_AREA.max,
    // Folds and wrinkles that escape the fold mask are lines: keep only roundish spots.
    maxElongation: 2.5,
  });
  // Solar lentigines are typically 10–20% darker than the skin around them; under 3% is shading.
  return blobs.filter(
    (b) =>
      centreSignals(s, b).dark >= 3 &&
      redShare(s, b) < 0.25 &&
      !lesions.some((l) => Math.hypot(l.x - b.x, l.y - b.y) < l.r + b.r),
  );
}
