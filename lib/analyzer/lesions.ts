import { findBlobs, type Blob } from "./blobs";
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
  const weight = maskWeight(ctx.skin, ctx.width, ctx.height, BACKGROUND_SIGMA);
  const bgEi = maskedBackground(ctx.lab.ei, ctx.skin, weight, BACKGROUND_SIGMA);
  // Shading normalisation: dividing by a ~4 mm background removes the slow light fall-off across the face.
  const bgY = maskedBackground(ctx.lab.logY, ctx.skin, weight, BACKGROUND_SIGMA);
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
  return {
    dEi: sEi,
    dDark: sDark,
    eiSigma: robustStats(sEi.data, ctx.skin).sigma,
    darkSigma: robustStats(sDark.data, ctx.skin).sigma,
  };
}

/**
 * Red-lesion threshold in EI units. Tone adaptation happens in two places:
 * - the signal: EI = 100·log10(R/G) turns haemoglobin's multiplicative absorption into an additive
 *   contrast that melanin does not shrink the way it shrinks Δa* (the spike lost 5 of 6 lesions on
 *   dark skin with a fixed Δa*);
 * - the threshold: a multiple of the noise σ measured on each face, so it follows the extra 8-bit/JPEG
 *   noise of darker skin instead of a fixed number.
 * 3σ keeps ~0–1 stray blob per clean face. An ITA-dependent multiple (down to 2.2σ below ITA −30) was
 * tried: it found no more planted lesions on dark skin and tripled the false ones (measured).
 */
export function redThreshold(eiSigma: number): number {
  // 2.5 EI floor ≈ the faintest planted papule after JPEG on the smoothest face (measured).
  return Math.max(2.5, 3 * eiSigma);
}

/** Dark-spot threshold in % darker than the surround: same noise-multiple rule. */
export function darkThreshold(darkSigma: number): number {
  // 3σ of the darkness contrast, floor 4% (≈ the faintest planted spot after JPEG, measured); solar
  // lentigines are typically 10–20% darker than the skin around them.
  return Math.max(4, 3 * darkSigma);
}

/**
 * Lesion sizes at 512 px face width (≈0.27 mm/px): papules and pustules 1–10 mm across
 * (Dréno et al. 2018), i.e. area ≈ 12–1100 px. Longer shapes are hairs, creases or folds.
 */
const LESION_AREA = { min: 10, max: 1100 };

export function detectRedLesions(ctx: SkinContext, s: DetectorSignals): Blob[] {
  // Haemoglobin both reddens (EI) and darkens (it absorbs green, the main luminance channel): summing
  // the two contrasts, each in units of its own noise, lifts a papule further out of the noise than
  // either alone where EI is noisiest, on dark skin (measured on re-toned crops below ITA −28).
  const z = makePlane(s.dEi.width, s.dEi.height);
  const ie = 1 / Math.max(0.05, s.eiSigma);
  const id = 1 / Math.max(0.05, s.darkSigma);
  for (let i = 0; i < z.data.length; i++) z.data[i] = ((s.dEi.data[i] ?? 0) * ie + Math.max(0, s.dDark.data[i] ?? 0) * id) / Math.SQRT2;
  const { median: zMedian, sigma: zSigma } = robustStats(z.data, ctx.skin);
  const blobs = findBlobs(z, ctx.skin, {
    threshold: zMedian + 1.8 * zSigma,
    // 3.2σ of the combined statistic: ~1 stray blob per clean face, like 3σ on EI alone (measured).
    peak: zMedian + 3.2 * zSigma,
    minArea: LESION_AREA.min,
    maxArea: LESION_AREA.max,
    maxElongation: 3,
  });
  const t = redThreshold(s.eiSigma);
  // Plus the lesions that stand out on redness alone (a flat red macule barely darkens): the union
  // found 122/134 planted papules on the untoned faces and 108/117 at ITA < −28, each detector
  // alone ≤ 118/134 (measured).
  const eiBlobs = findBlobs(s.dEi, ctx.skin, {
    // The extent is cut at 1.8σ: a lower cut merges lesions with noise into big ragged blobs that
    // the shape tests then throw away (measured).
    threshold: Math.max(1.5, 1.8 * s.eiSigma),
    peak: t,
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
    const { ei, dark } = centreSignals(s, b);
    // A combined blob still needs half the EI threshold: darkness alone is not a red lesion.
    return ei >= 0.5 * t && dark >= -1.5 && ei / Math.max(0.1, dark) >= 0.25;
  });
}

function centreSignals(s: DetectorSignals, b: Blob): { ei: number; dark: number } {
  const i = Math.round(b.y - 0.5) * s.dEi.width + Math.round(b.x - 0.5);
  return { ei: s.dEi.data[i] ?? 0, dark: s.dDark.data[i] ?? 0 };
}

function redShare(s: DetectorSignals, b: Blob): number {
  const { ei, dark } = centreSignals(s, b);
  return ei / Math.max(0.1, dark);
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
