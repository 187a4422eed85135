import type { Blob } from "./blobs";
import { acceptCandidates, MODELS } from "./candidate-model";
import { findDarkCandidates, findRedCandidates, lesionMask, type Candidate } from "./candidates";
import { blurLarge, gaussianBlur, makePlane, robustStats, type Plane } from "./planes";
import type { SkinContext } from "./skin-context";

/**
 * Background of a plane over skin only (normalised convolution), so lips, brows and hair next to a
 * region do not bleed into it. σ = 12 px at 512 px face width ≈ 3 mm: about three lesion radii.
 */
const BACKGROUND_SIGMA = 12;

/** Blurred copy of the skin mask: the shared denominator of the normalised convolutions. */
function maskWeight(mask: Uint8Array, width: number, height: number, sigma: number): Plane {
  const den = makePlane(width, height);
  for (let i = 0; i < mask.length; i++) den.data[i] = mask[i] ? 1 : 0;
  return blurLarge(den, sigma);
}

function maskedBackground(values: Plane, mask: Uint8Array, weight: Plane, sigma: number): Plane {
  const num = makePlane(values.width, values.height);
  for (let i = 0; i < mask.length; i++) if (mask[i]) num.data[i] = values.data[i] ?? 0;
  const bn = blurLarge(num, sigma);
  const out = makePlane(values.width, values.height);
  for (let i = 0; i < out.data.length; i++) {
    const d = weight.data[i] ?? 0;
    out.data[i] = d > 1e-3 ? (bn.data[i] ?? 0) / d : (values.data[i] ?? 0);
  }
  return out;
}

export type DetectorSignals = {
  /** Erythema-index contrast against the local background (EI units). */
  dEi: Plane;
  /** Darkness contrast: −100·Δln(Y) against the local background (≈ % darker). */
  dDark: Plane;
  /** The same contrasts in units of their local noise (see localNoise). */
  zEi: Plane;
  zDark: Plane;
  /** Local noise of the filtered contrasts (their z divisors): texture around each pixel. */
  noiseEi: Plane;
  noiseDark: Plane;
};

/**
 * Local noise of a contrast plane: the RMS over skin in a σ = 24 px (≈ 6 mm) window. The whole face
 * is not equally smooth (the nose's sides, a stubbled chin and JPEG blocks on a flat cheek differ by 2×),
 * so one face-wide σ set the bar too high on smooth skin and too low on rough skin. A 3 mm lesion
 * adds < 3% of the window's energy, so it barely raises its own bar. Floored so flat skin is not
 * amplified into noise: 0.6 EI and 0.8% darkness ≈ 8-bit quantisation after the matched filter.
 */
const NOISE_SIGMA = 24;
function localNoise(contrast: Plane, mask: Uint8Array, weight: Plane, floor: number): Plane {
  // Winsorised at 2.5 face-wide robust σ: lesions, brow hairs and lid edges inside the window would
  // otherwise inflate the noise around themselves.
  const cap = (2.5 * robustStats(contrast.data, mask).sigma) ** 2;
  const sq = makePlane(contrast.width, contrast.height);
  for (let i = 0; i < sq.data.length; i++) {
    const v = contrast.data[i] ?? 0;
    sq.data[i] = Math.min(cap, v * v);
  }
  const rms = maskedBackground(sq, mask, weight, NOISE_SIGMA);
  for (let i = 0; i < rms.data.length; i++) rms.data[i] = Math.max(floor, Math.sqrt(Math.max(0, rms.data[i] ?? 0)));
  return rms;
}

export function computeSignals(ctx: SkinContext): DetectorSignals {
  const weight = maskWeight(ctx.faceSkin, ctx.width, ctx.height, BACKGROUND_SIGMA);
  const bgEi = maskedBackground(ctx.lab.ei, ctx.faceSkin, weight, BACKGROUND_SIGMA);
  // Shading normalisation: dividing by a ~3 mm background removes the slow light fall-off across the face.
  const bgY = maskedBackground(ctx.lab.logY, ctx.faceSkin, weight, BACKGROUND_SIGMA);
  const dEi = makePlane(ctx.width, ctx.height);
  const dDark = makePlane(ctx.width, ctx.height);
  // Computed on every pixel, not only skin: a blob that continues past the mask edge (lips, hairline,
  // brows) is then seen to do so and rejected by findBlobs.
  for (let i = 0; i < dEi.data.length; i++) {
    dEi.data[i] = (ctx.lab.ei.data[i] ?? 0) - (bgEi.data[i] ?? 0);
    dDark.data[i] = -100 * ((ctx.lab.logY.data[i] ?? 0) - (bgY.data[i] ?? 0));
  }
  // Matched filter: lesions are ≥ 1 mm (≈ 4 px) wide, pixel and JPEG chroma noise is finer. A σ = 1.5 px
  // blur keeps ~80% of a lesion's peak and halves the noise (measured on the sample crops).
  const sEi = gaussianBlur(dEi, 1.5);
  const sDark = gaussianBlur(dDark, 1.5);
  const noiseWeight = maskWeight(ctx.faceSkin, ctx.width, ctx.height, NOISE_SIGMA);
  const nEi = localNoise(sEi, ctx.faceSkin, noiseWeight, 0.6);
  const nDark = localNoise(sDark, ctx.faceSkin, noiseWeight, 0.8);
  const zEi = makePlane(ctx.width, ctx.height);
  const zDark = makePlane(ctx.width, ctx.height);
  for (let i = 0; i < zEi.data.length; i++) {
    zEi.data[i] = (sEi.data[i] ?? 0) / (nEi.data[i] ?? 1);
    zDark.data[i] = (sDark.data[i] ?? 0) / (nDark.data[i] ?? 1);
  }
  return { dEi: sEi, dDark: sDark, zEi, zDark, noiseEi: nEi, noiseDark: nDark };
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
  return acceptCandidates(MODELS.dark, findDarkCandidates(ctx, s, mask)).filter(
    (b) => !lesions.some((l) => Math.hypot(l.x - b.x, l.y - b.y) < l.r + b.r),
  );
}
