import type { RgbImage } from "./decode";
import type { DetectedFace } from "./face-model";
import { makePlane, type Plane } from "./planes";
import { QUALITY_ISSUE_MESSAGES, type QualityIssue, type QualityIssueCode } from "../domain/skin-report";

/**
 * Gate limits. Each one says what it protects and where the figure comes from.
 * Angles in degrees, from human's mesh-based rotation estimate.
 */
export const GATE = {
  /** Second face at least this fraction of the largest face's area: a real second person, not a poster far behind. */
  secondFaceAreaRatio: 0.25,
  /** Face narrower than this (px, original photo) gives under 0.5 px per mm² of skin: lesions vanish (measured: recall drops below 0.7 under 180 px). */
  minFaceWidthPx: 200,
  /** Face narrower than this fraction of the photo's short side: a far-away face, mostly background. */
  minFaceFraction: 0.2,
  /** |yaw| beyond 25° hides one cheek and foreshortens the other; |pitch| 25°; |roll| 25° (ISO/IEC 19794-5 allows ±5–8° for ID photos; we are looser because regions follow the mesh). */
  maxYaw: 25,
  maxPitch: 25,
  maxRoll: 25,
  /**
   * Edge blur σ in mm on the face (focus.ts). A physical size, so a soft photo of a big face and a sharp photo of a
   * small one read alike. Measured on the dev split (22 faces, as taken, ±15% exposure, four casts): ≤ 0.71 mm, the
   * softest a 4× enlarged 145 px face; the same faces after a σ 4 px blur: ≥ 0.86 mm. A σ 0.8 mm blur smears a
   * 1.5 mm breakout over 3 mm. The normalised Laplacian variance this replaces read 0.006–0.17 on good faces and
   * up to 0.009 blurred: no threshold separated them once photos of other cameras joined.
   */
  maxBlurMm: 0.8,
  /**
   * Face luma alone cannot tell dark skin from a dark photo: well-lit skin at ITA −38 measures 0.27,
   * light skin at 30% exposure 0.18–0.21 (measured). The brightest 2% of the face box (eye whites,
   * highlights, teeth) can: ≥ 0.44 in every well-lit crop (0.45 on the ITA −38 face), ≤ 0.24 at 30% exposure (measured).
   * The grown dev split has a low-key portrait of dark skin at 0.36 as taken, 0.30 at −15%; ×0.25 exposure
   * leaves every dev face ≤ 0.24: the limit sits between.
   */
  minExposure: 0.06,
  minHighlight: 0.27,
  /**
   * Over-exposure is clipped skin, not bright skin (OFIQ, ISO/IEC 29794-5: the share of face pixels with
   * luma in 247–255). A mean-luma limit refused well-lit light skin at +12% exposure and under warm light.
   * A pixel counts when its luma is ≥ 247 or two channels are ≥ 250. Measured on the dev split: good photos
   * ±15% and under casts ≤ 5%, but 20% on a bald, shiny forehead at +15%; a ×2 + 40 blow-out ≥ 33% on light
   * and mid skin.
   */
  maxClippedFraction: 0.25,
  /**
   * Washed out: a blow-out of dark skin clips little skin, but it lifts the photo's blacks and clips its
   * highlights together. The darkest 1% of the face box (pupils, nostrils, brows) at or above 20% grey with
   * its brightest 0.5% at or above 95% is a photo that lost both ends. Dev: a ×2 + 40 blow-out gives ≥ 0.21
   * and ≥ 0.958 on every face; no good photo has a black level above 0.15 with a peak above 0.93.
   */
  washedOutBlack: 0.2,
  washedOutPeak: 0.95,
  /** Light so coloured that the correction cannot be trusted: the light's channel ratio (neutral = 1). */
  maxCast: 5,
  /** The skin's weakest channel's median 8-bit value: below it the light has wiped that channel out (dark skin under tungsten keeps ≥ 8, measured). */
  minWeakestChannel: 5,
  /**
   * Light on the brighter cheek over the darker one (medians, shadow included: shading.ts). Dev: good photos
   * ≤ 3.15 (a low-key portrait of dark skin lit from one side, 3.0 as taken); a 5:1 half shadow ≥ 3.5 on 15 of
   * 22 faces, but 1.5–3.3 where the shadow fell on the naturally brighter side or off the nose line. A ratio
   * cannot tell a 4:1 studio key light from a 5:1 hard shadow; the edge measures tried did not either (see the
   * gate branch's notes): this limit tolerates 3:1 and refuses stronger.
   */
  maxCheekLightRatio: 3.3,
} as const;

export type QualityMeasures = {
  faces: readonly DetectedFace[];
  /** Original-photo pixels per work pixel. */
  photoScale: number;
  photoShortSide: number;
  /** Normalised Laplacian variance, reported; the gate reads blurMm. */
  sharpness: number;
  /** Edge blur σ in mm on the face. */
  blurMm: number;
  exposure: number;
  /** 98th percentile of luma over the face box (0..1). */
  highlight: number;
  /** 1st and 99.5th percentiles of luma over the face box (0..1). */
  blackLevel: number;
  peak: number;
  clippedFraction: number;
  /** Brighter cheek's luminance over the darker one's (≥ 1). */
  cheekLightRatio: number;
};

const toDeg = (rad: number) => (rad * 180) / Math.PI;

export function issue(code: QualityIssueCode): QualityIssue {
  return { code, message: QUALITY_ISSUE_MESSAGES[code] };
}

/** Geometry checks that need only the detector: no face, crowd, size, pose. */
export function gateGeometry(
  faces: readonly DetectedFace[],
  photoScale: number,
  photoShortSide: number,
): QualityIssue[] {
  const [first, second] = faces;
  if (!first) return [issue("NO_FACE")];
  const issues: QualityIssue[] = [];
  const area = (f: DetectedFace) => f.box.width * f.box.height;
  if (second && area(second) >= GATE.secondFaceAreaRatio * area(first)) issues.push(issue("MULTIPLE_FACES"));
  const widthPx = first.box.width * photoScale;
  if (widthPx < GATE.minFaceWidthPx || widthPx < GATE.minFaceFraction * photoShortSide)
    issues.push(issue("FACE_TOO_SMALL"));
  const { yaw, pitch, roll } = first.pose;
  if (
    Math.abs(toDeg(yaw)) > GATE.maxYaw ||
    Math.abs(toDeg(pitch)) > GATE.maxPitch ||
    Math.abs(toDeg(roll)) > GATE.maxRoll
  ) {
    issues.push(issue("POSE"));
  }
  return issues;
}

export function isOverexposed(m: Pick<QualityMeasures, "clippedFraction" | "blackLevel" | "peak">): boolean {
  const washedOut = m.blackLevel >= GATE.washedOutBlack && m.peak >= GATE.washedOutPeak;
  return m.clippedFraction > GATE.maxClippedFraction || washedOut;
}

/**
 * Photometric checks on the face crop. A face too small for the photo is named as such and not also judged
 * for focus or light balance: at that size they measure the few pixels, not the photo, and the fix (come
 * closer) is the same.
 */
export function gatePhotometry(
  m: Omit<QualityMeasures, "faces" | "photoScale" | "photoShortSide">,
  { faceTooSmall = false } = {},
): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const dark = m.exposure < GATE.minExposure || m.highlight < GATE.minHighlight;
  if (dark) issues.push(issue("TOO_DARK"));
  if (isOverexposed(m)) issues.push(issue("OVEREXPOSED"));
  if (faceTooSmall) return issues;
  // In a dark photo noise swamps the focus measure: only the darkness is reported.
  if (m.blurMm > GATE.maxBlurMm && !dark) issues.push(issue("BLURRY"));
  if (m.cheekLightRatio > GATE.maxCheekLightRatio) issues.push(issue("UNEVEN_LIGHTING"));
  return issues;
}

/**
 * A cast too strong to correct: the light's colour is extreme, one channel of the skin is nearly gone,
 * or the corrected skin still falls outside skin colours (b* ≤ 0 is never skin in white light).
 */
export function gateColour(cast: number, weakestChannel: number, correctedB: number): QualityIssue[] {
  return cast > GATE.maxCast || weakestChannel < GATE.minWeakestChannel || correctedB <= 0 ? [issue("COLOR_CAST")] : [];
}

/** Luma plane (0..1) of an RGB image. */
export function lumaPlane(img: RgbImage): Plane {
  const out = makePlane(img.width, img.height);
  for (let i = 0, p = 0; i < out.data.length; i++, p += 3) {
    out.data[i] = (0.299 * (img.data[p] ?? 0) + 0.587 * (img.data[p + 1] ?? 0) + 0.114 * (img.data[p + 2] ?? 0)) / 255;
  }
  return out;
}

/**
 * Variance of the 4-neighbour Laplacian normalised by the variance of the signal (Pech-Pacheco et
 * al. 2000, normalised so that a dim or low-contrast photo is not called blurry), within a mask.
 */
export function normalisedLaplacianVariance(p: Plane, mask: Uint8Array): number {
  const { width: w, height: h, data } = p;
  let n = 0;
  let s = 0;
  let ss = 0;
  let l = 0;
  let ll = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (!mask[i]) continue;
      const v = data[i] ?? 0;
      const lap = (data[i - 1] ?? 0) + (data[i + 1] ?? 0) + (data[i - w] ?? 0) + (data[i + w] ?? 0) - 4 * v;
      n++;
      s += v;
      ss += v * v;
      l += lap;
      ll += lap * lap;
    }
  }
  if (n < 16) return 0;
  const varV = ss / n - (s / n) ** 2;
  const varL = ll / n - (l / n) ** 2;
  return varV > 1e-6 ? varL / varV : 0;
}
