import { findBlobs, type Blob } from "./blobs";
import { blurLarge, makePlane, robustStats, type Plane } from "./planes";
import type { SkinContext } from "./skin-context";

/**
 * Background of a plane over skin only (normalised convolution), so lips, brows and hair next to a
 * region do not bleed into it. σ = 12 px at 512 px face width ≈ 3 mm: about three lesion radii.
 */
const BACKGROUND_SIGMA = 12;

function maskedBackground(values: Plane, mask: Uint8Array, sigma: number): Plane {
  const num = makePlane(values.width, values.height);
  const den = makePlane(values.width, values.height);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    num.data[i] = values.data[i] ?? 0;
    den.data[i] = 1;
  }
  const bn = blurLarge(num, sigma);
  const bd = blurLarge(den, sigma);
  const out = makePlane(values.width, values.height);
  for (let i = 0; i < out.data.length; i++) {
    const d = bd.data[i] ?? 0;
    out.data[i] = d > 1e-3 ? (bn.data[i] ?? 0) / d : values.data[i] ?? 0;
  }
  return out;
}

export type DetectorSignals = {
  /** Erythema-index contrast against the local background (EI units). */
  dEi: Plane;
  /** Darkness contrast: −100·Δln(Y) against the local background (≈ % darker). */
  dDark: Plane;
  eiSigma: number;
  darkSigma: number;
};

export function computeSignals(ctx: SkinContext): DetectorSignals {
  const bgEi = maskedBackground(ctx.lab.ei, ctx.skin, BACKGROUND_SIGMA);
  // Shading normalisation: dividing by a ~4 mm background removes the slow light fall-off across the face.
  const bgY = maskedBackground(ctx.lab.logY, ctx.skin, BACKGROUND_SIGMA);
  const dEi = makePlane(ctx.width, ctx.height);
  const dDark = makePlane(ctx.width, ctx.height);
  for (let i = 0; i < dEi.data.length; i++) {
    if (!ctx.skin[i]) continue;
    dEi.data[i] = (ctx.lab.ei.data[i] ?? 0) - (bgEi.data[i] ?? 0);
    dDark.data[i] = -100 * ((ctx.lab.logY.data[i] ?? 0) - (bgY.data[i] ?? 0));
  }
  return {
    dEi,
    dDark,
    eiSigma: robustStats(dEi.data, ctx.skin).sigma,
    darkSigma: robustStats(dDark.data, ctx.skin).sigma,
  };
}

/**
 * Red-lesion threshold in EI units. EI = 100·log10(R/G) turns haemoglobin's multiplicative
 * absorption into an additive contrast that does not shrink with melanin the way Δa* does (the spike
 * lost 5 of 6 lesions on dark skin with a fixed Δa*). What still grows on darker skin is the noise
 * (fewer photons per channel), so the threshold is a multiple of the measured noise with a floor.
 */
export function redThreshold(eiSigma: number): number {
  // 4σ keeps ~1 false blob per face on clean crops; 3.2 EI floor ≈ the weakest planted papule (measured).
  return Math.max(3.2, 4 * eiSigma);
}

/** Dark-spot threshold in % darker than the surround: same noise-multiple rule. */
export function darkThreshold(darkSigma: number): number {
  // Solar lentigines are 10–20% darker than surrounding skin (Hexsel et al. 2016); 6% floor measured on planted spots.
  return Math.max(6, 4 * darkSigma);
}

/**
 * Lesion sizes at 512 px face width (≈0.27 mm/px): papules and pustules 1–10 mm across
 * (Dréno et al. 2018), i.e. area ≈ 12–1100 px. Longer shapes are hairs, creases or folds.
 */
const LESION_AREA = { min: 10, max: 1100 };

export function detectRedLesions(ctx: SkinContext, s: DetectorSignals): Blob[] {
  const t = redThreshold(s.eiSigma);
  const blobs = findBlobs(s.dEi, ctx.skin, {
    threshold: t * 0.6,
    peak: t,
    minArea: LESION_AREA.min,
    maxArea: LESION_AREA.max,
    maxElongation: 3,
  });
  // Haemoglobin colours; melanin mostly darkens: a red lesion's EI contrast must carry a fair share of its darkening.
  return blobs.filter((b) => redShare(s, b) >= 0.25);
}

function redShare(s: DetectorSignals, b: Blob): number {
  const i = Math.round(b.y - 0.5) * s.dEi.width + Math.round(b.x - 0.5);
  const ei = s.dEi.data[i] ?? 0;
  const dark = Math.max(0.1, s.dDark.data[i] ?? 0);
  return ei / dark;
}

export function detectDarkSpots(ctx: SkinContext, s: DetectorSignals, lesions: readonly Blob[]): Blob[] {
  const t = darkThreshold(s.darkSigma);
  const mask = new Uint8Array(ctx.skin.length);
  for (let i = 0; i < mask.length; i++) mask[i] = ctx.skin[i] && !ctx.folds[i] ? 1 : 0;
  const blobs = findBlobs(s.dDark, mask, {
    threshold: t * 0.6,
    peak: t,
    minArea: LESION_AREA.min,
    maxArea: LESION_AREA.max,
    // Folds and wrinkles that escape the fold mask are lines: keep only roundish spots.
    maxElongation: 2.5,
  });
  return blobs.filter(
    (b) => redShare(s, b) < 0.25 && !lesions.some((l) => Math.hypot(l.x - b.x, l.y - b.y) < l.r + b.r),
  );
}
