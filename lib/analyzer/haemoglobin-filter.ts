import { contrastToBackground } from "./masked-blur";
import { gaussianBlur, makePlane, robustStats, type Plane } from "./planes";
import { wholePlane, zeroOutside, type RowSpans } from "./row-spans";
import { arenaPlaneToOverwrite } from "./scratch-arena";

/**
 * Colour matched filters for haemoglobin (red lesions) and melanin (dark spots). A red lesion adds optical density (OD = −ln of linear R, G, B)
 * in a fixed direction s: Beer–Lambert makes absorbances add, so melanin does not rotate it. The noise in
 * the three OD planes is strongly correlated (ρ ≈ 0.9 between neighbours on every dev tone: skin texture,
 * shading and JPEG luma noise darken all three channels alike), and a lesion's direction differs from
 * that common mode (little in red). The optimal linear statistic (the Neyman–Pearson detector for a known
 * signal in Gaussian noise) is z = sᵀΣ⁻¹d / √(sᵀΣ⁻¹s), Σ the local 3×3 noise covariance: it is in units
 * of its own noise and rejects the common mode instead of adding it up.
 *
 * Measured on dev plantings (the evaluation's generator, seed 7000, 975 lesions, npm run diagnose:red-snr)
 * against the sum of EI and darkness z-scores: median injected SNR ×1.41 (dark group ×1.33, nose ×1.97,
 * chin ×1.35; lesions the sum leaves below the candidate peak ×1.56), where the same matched filter on
 * (EI, darkness) alone gained only ×1.16. The analyzer runs it over (EI, green OD, blue OD), which span
 * the same space as the three channels' OD (HAEMOGLOBIN_IN_BASIS); green OD is also the darkness plane.
 */

/**
 * Haemoglobin's OD direction in linear R, G, B (unit length): green most, then blue (Soret/Q bands), red
 * little (Anderson & Parrish 1981). The median unit rise of the planted dev lesions, the same in every
 * ITA° group within 0.03, as Beer–Lambert predicts.
 */
export const HAEMOGLOBIN_OD: readonly [number, number, number] = [0.2, 0.78, 0.58];

const LINEAR = new Float32Array(256).map((_, i) => {
  const c = i / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
/** −100·ln(linear + 0.001) per 8-bit value (the floor as color.ts's): OD in % per channel. */
export const OD_PER_LEVEL = new Float32Array(256).map((_, i) => -100 * Math.log((LINEAR[i] ?? 0) + 0.001));
const OD = OD_PER_LEVEL;

/** Below this blurred mask weight a pixel has no skin around it (masked-blur.ts MIN_WEIGHT). */
const MIN_WEIGHT = 1e-3;
/**
 * Added to the covariance's diagonal: 0.8 OD % ≈ 8-bit quantisation after the σ 1.5 px blur (lesions.ts
 * floors darkness at the same 0.8, EI at 0.6), so perfectly flat skin is not amplified into noise.
 */
export const FLOOR_VARIANCE = 0.8 * 0.8;
const FACTOR = 4;

export type OdContrast = [Plane, Plane, Plane];

/** The σ of the contrasts' blur, px (lesions.ts: lesions are ≥ 1 mm ≈ 4 px wide, pixel and JPEG noise finer). */
export const MATCHED_SIGMA = 1.5;

/**
 * One channel's OD contrast to the skin-only background (`background(plane)` gives the small masked-blur
 * numerator at lesions.ts's background σ), blurred by σ 1.5 px like the other contrasts: green's is the darkness
 * plane (lesions.ts), blue's the matched filter's third axis. Red needs no plane of its own: EI is
 * (OD_G − OD_R)/ln 10, so (EI, OD_G, OD_B) span the same three dimensions as the three channels' OD. The OD and
 * its contrast are computed on `spans` only (default all; `background` must read the OD under skin within them), the
 * contrast 0 elsewhere.
 */
export function odContrast(
  image: { data: Uint8Array; width: number; height: number },
  channel: 0 | 1 | 2,
  background: (values: Plane) => Plane,
  weight: Plane,
  spans: RowSpans = wholePlane(image.width, image.height),
): Plane {
  const { width, height, data } = image;
  const od = arenaPlaneToOverwrite(width, height);
  for (let y = 0; y < height; y++)
    odRow(od.data, data, channel, y * width + (spans.lo[y] as number), y * width + (spans.hi[y] as number));
  const contrast = contrastToBackground(od, background(od), weight, 1, spans);
  return gaussianBlur(contrast, MATCHED_SIGMA, contrast.data);
}

/** One channel's OD of pixels from..to − 1 (a row function: see productsRow). */
function odRow(od: Float32Array, data: Uint8Array, channel: number, from: number, to: number): void {
  for (let i = from, p = 3 * from + channel; i < to; i++, p += 3) od[i] = OD[data[p] as number] as number;
}

/**
 * Haemoglobin's direction in the (EI, OD_G, OD_B) basis the analyzer filters in: EI = 100·log10(R/G) =
 * (OD_G − OD_R)/ln 10, and darkness is OD_G itself (lesions.ts darknessContrast). The matched filter is
 * invariant to such a change of basis (z = sᵀΣ⁻¹d is the same once s and Σ are expressed in it), so this
 * gives recall4's per-channel filter without a red plane; the basis is exact, on every tone.
 */
export const HAEMOGLOBIN_IN_BASIS: readonly [number, number, number] = [
  (HAEMOGLOBIN_OD[1] - HAEMOGLOBIN_OD[0]) / Math.LN10,
  HAEMOGLOBIN_OD[1],
  HAEMOGLOBIN_OD[2],
];

/**
 * Melanin's OD direction in linear R, G, B (unit length): blue most, then green, red least (its absorption falls
 * with wavelength), (0.3, 0.45, 0.6) normalised: the evaluation's melanin (testing/plant.ts MELANIN). The filter is
 * only as good as this direction: on the dev plantings (seed 7000) a bluer one, the monochromatic λ^−3.3 law at the
 * primaries' wavelengths (0.33, 0.48, 0.81), brought no more spots to the candidate peak than green darkness alone
 * (254 vs 251 of 482 at the same number of maxima), this one 288 (spots9). A camera's broad channels flatten the
 * monochromatic ratios, so the flatter direction is also the likelier one for real pigment, but that is not measured.
 */
const MELANIN_NORM = Math.hypot(0.3, 0.45, 0.6);
export const MELANIN_OD: readonly [number, number, number] = [
  0.3 / MELANIN_NORM,
  0.45 / MELANIN_NORM,
  0.6 / MELANIN_NORM,
];

/** Melanin's direction in the (EI, OD_G, OD_B) basis (see HAEMOGLOBIN_IN_BASIS). */
export const MELANIN_IN_BASIS: readonly [number, number, number] = [
  (MELANIN_OD[1] - MELANIN_OD[0]) / Math.LN10,
  MELANIN_OD[1],
  MELANIN_OD[2],
];

/** The six distinct products of a symmetric 3×3 covariance (00, 11, 22, 01, 02, 12), one plane each. */
type SixPlanes = [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];

/**
 * Local 3×3 covariance of the OD contrasts over skin (σ `sigma` px), each value winsorised at 2.5 face-wide
 * robust σ as lesions.ts's zScore does (lesions, brow hairs and lid edges would inflate it), then the
 * matched-filter weights Σ⁻¹s / √(sᵀΣ⁻¹s) on the quarter-resolution grid, upsampled, and z = w·d on `spans` (default
 * all; 0 elsewhere).
 */
export function haemoglobinZ(
  d: OdContrast,
  mask: Uint8Array,
  weight: Plane,
  sigma: number,
  signature: readonly [number, number, number] = HAEMOGLOBIN_OD,
  floors: readonly [number, number, number] = [FLOOR_VARIANCE, FLOOR_VARIANCE, FLOOR_VARIANCE],
  spans: RowSpans = wholePlane(d[0].width, d[0].height),
): Plane {
  return colourMatchedZ(d, mask, weight, sigma, [signature], floors, spans)[0] as Plane;
}

/**
 * haemoglobinZ for several chromophore directions at once: the local covariance is the skin's noise whatever is
 * looked for, so it is computed once and only the weights Σ⁻¹s / √(sᵀΣ⁻¹s) and the dot product are per direction.
 */
export function colourMatchedZ(
  d: OdContrast,
  mask: Uint8Array,
  weight: Plane,
  sigma: number,
  signatures: ReadonlyArray<readonly [number, number, number]>,
  floors: readonly [number, number, number] = [FLOOR_VARIANCE, FLOOR_VARIANCE, FLOOR_VARIANCE],
  spans: RowSpans = wholePlane(d[0].width, d[0].height),
): Plane[] {
  const { width, height } = d[0];
  const caps = d.map((p) => Math.max(1e-3, 2.5 * robustStats(p.data, mask).sigma));
  const w = Math.max(1, Math.floor(width / FACTOR));
  const h = Math.max(1, Math.floor(height / FACTOR));
  // The six distinct products (00, 11, 22, 01, 02, 12), area-downsampled by FACTOR over skin pixels.
  const products = [0, 1, 2, 3, 4, 5].map(() => makePlane(w, h));
  const [p00, p11, p22, p01, p02, p12] = products.map((p) => p.data) as SixPlanes;
  const [d0, d1, d2] = d.map((p) => p.data) as [Float32Array, Float32Array, Float32Array];
  const [cap0, cap1, cap2] = caps as [number, number, number];
  for (let y = 0; y < h; y++)
    productsRow(d0, d1, d2, mask, width, y, w, cap0, cap1, cap2, p00, p11, p22, p01, p02, p12);
  const blurred = products.map((p) => gaussianBlur(p, sigma / FACTOR, p.data).data) as SixPlanes;
  return signatures.map((signature) => {
    const weights = [makePlane(w, h), makePlane(w, h), makePlane(w, h)];
    const [q0s, q1s, q2s] = weights.map((p) => p.data) as [Float32Array, Float32Array, Float32Array];
    for (let y = 0; y < h; y++)
      weightsRow(weight.data, blurred, [q0s, q1s, q2s], signature, floors, y * w, (y + 1) * w);
    return dotUpsampled(weights, d, width, height, spans);
  });
}

/** Small-grid pixels from..to − 1 of the matched-filter weights Σ⁻¹s / √(sᵀΣ⁻¹s) (a row function: see productsRow). */
function weightsRow(
  weight: Float32Array,
  blurred: SixPlanes,
  out: [Float32Array, Float32Array, Float32Array],
  signature: readonly [number, number, number],
  floors: readonly [number, number, number],
  from: number,
  to: number,
): void {
  const [b00, b11, b22, b01, b02, b12] = blurred;
  const [q0s, q1s, q2s] = out;
  const [s0, s1, s2] = signature;
  const [f0, f1, f2] = floors;
  for (let i = from; i < to; i++) {
    const den = weight[i] as number;
    if (den <= MIN_WEIGHT) continue;
    const c00 = (b00[i] as number) / den + f0;
    const c11 = (b11[i] as number) / den + f1;
    const c22 = (b22[i] as number) / den + f2;
    const c01 = (b01[i] as number) / den;
    const c02 = (b02[i] as number) / den;
    const c12 = (b12[i] as number) / den;
    // Σ⁻¹s by the adjugate (Σ is symmetric positive definite: the floor keeps it invertible).
    const a00 = c11 * c22 - c12 * c12;
    const a01 = c02 * c12 - c01 * c22;
    const a02 = c01 * c12 - c02 * c11;
    const a11 = c00 * c22 - c02 * c02;
    const a12 = c01 * c02 - c00 * c12;
    const a22 = c00 * c11 - c01 * c01;
    const det = c00 * a00 + c01 * a01 + c02 * a02;
    if (!(det > 0)) continue;
    const q0 = (a00 * s0 + a01 * s1 + a02 * s2) / det;
    const q1 = (a01 * s0 + a11 * s1 + a12 * s2) / det;
    const q2 = (a02 * s0 + a12 * s1 + a22 * s2) / det;
    const norm = Math.sqrt(Math.max(1e-12, s0 * q0 + s1 * q1 + s2 * q2));
    q0s[i] = q0 / norm;
    q1s[i] = q1 / norm;
    q2s[i] = q2 / norm;
  }
}

/**
 * Row y of the six area-downsampled products (a row function: haemoglobinZ runs once an analysis, and its own loop
 * ran through on-stack-replacement code that deoptimised every analysis; see masked-blur.ts contrastRow).
 */
function productsRow(
  d0: Float32Array,
  d1: Float32Array,
  d2: Float32Array,
  mask: Uint8Array,
  width: number,
  y: number,
  w: number,
  cap0: number,
  cap1: number,
  cap2: number,
  p00: Float32Array,
  p11: Float32Array,
  p22: Float32Array,
  p01: Float32Array,
  p02: Float32Array,
  p12: Float32Array,
): void {
  const inv = 1 / (FACTOR * FACTOR);
  for (let x = 0; x < w; x++) {
    let a00 = 0;
    let a11 = 0;
    let a22 = 0;
    let a01 = 0;
    let a02 = 0;
    let a12 = 0;
    for (let dy = 0; dy < FACTOR; dy++) {
      const row = (y * FACTOR + dy) * width + x * FACTOR;
      for (let j = row; j < row + FACTOR; j++) {
        if (!mask[j]) continue;
        const v0 = Math.max(-cap0, Math.min(cap0, d0[j] as number));
        const v1 = Math.max(-cap1, Math.min(cap1, d1[j] as number));
        const v2 = Math.max(-cap2, Math.min(cap2, d2[j] as number));
        a00 += v0 * v0;
        a11 += v1 * v1;
        a22 += v2 * v2;
        a01 += v0 * v1;
        a02 += v0 * v2;
        a12 += v1 * v2;
      }
    }
    const k = y * w + x;
    p00[k] = a00 * inv;
    p11[k] = a11 * inv;
    p22[k] = a22 * inv;
    p01[k] = a01 * inv;
    p02[k] = a02 * inv;
    p12[k] = a12 * inv;
  }
}

/** Σ_c upsample(weights_c)·d_c per pixel of `spans` (0 elsewhere), the weights interpolated as planes.ts upsample does. */
function dotUpsampled(weights: Plane[], d: OdContrast, width: number, height: number, spans: RowSpans): Plane {
  const out = arenaPlaneToOverwrite(width, height);
  const { width: sw, height: sh } = weights[0] as Plane;
  const sx = sw / width;
  const sy = sh / height;
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const txs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    x0s[x] = Math.floor(fx);
    x1s[x] = Math.min(sw - 1, Math.floor(fx) + 1);
    txs[x] = fx - Math.floor(fx);
  }
  const [w0, w1, w2] = weights.map((p) => p.data) as [Float32Array, Float32Array, Float32Array];
  const [d0, d1, d2] = d.map((p) => p.data) as [Float32Array, Float32Array, Float32Array];
  for (let y = 0; y < height; y++) {
    zeroOutside(out.data, spans, width, y);
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const r0 = Math.floor(fy) * sw;
    const r1 = Math.min(sh - 1, Math.floor(fy) + 1) * sw;
    dotRow(
      out.data,
      y * width,
      spans.lo[y] as number,
      spans.hi[y] as number,
      x0s,
      x1s,
      txs,
      r0,
      r1,
      fy - Math.floor(fy),
      w0,
      w1,
      w2,
      d0,
      d1,
      d2,
    );
  }
  return out;
}

/** Row `row` (its first pixel's index) of dotUpsampled, as a row function (see productsRow). */
function dotRow(
  o: Float32Array,
  row: number,
  from: number,
  to: number,
  x0s: Int32Array,
  x1s: Int32Array,
  txs: Float32Array,
  r0: number,
  r1: number,
  ty: number,
  w0: Float32Array,
  w1: Float32Array,
  w2: Float32Array,
  d0: Float32Array,
  d1: Float32Array,
  d2: Float32Array,
): void {
  for (let x = from; x < to; x++) {
    const a = r0 + (x0s[x] as number);
    const b = r0 + (x1s[x] as number);
    const c = r1 + (x0s[x] as number);
    const e = r1 + (x1s[x] as number);
    const tx = txs[x] as number;
    const k00 = (1 - tx) * (1 - ty);
    const k01 = tx * (1 - ty);
    const k10 = (1 - tx) * ty;
    const k11 = tx * ty;
    const i = row + x;
    const u0 = (w0[a] as number) * k00 + (w0[b] as number) * k01 + (w0[c] as number) * k10 + (w0[e] as number) * k11;
    const u1 = (w1[a] as number) * k00 + (w1[b] as number) * k01 + (w1[c] as number) * k10 + (w1[e] as number) * k11;
    const u2 = (w2[a] as number) * k00 + (w2[b] as number) * k01 + (w2[c] as number) * k10 + (w2[e] as number) * k11;
    o[i] = u0 * (d0[i] as number) + u1 * (d1[i] as number) + u2 * (d2[i] as number);
  }
}
