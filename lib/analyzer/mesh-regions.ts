import type { RegionName } from "../domain/skin-report";

type Pt = [number, number];

/**
 * MediaPipe 468-point mesh indices (canonical_face_model_uv_visualization). Each region stays on
 * open skin: the cheeks start below the under-eye band and stop short of the jaw line and hairline
 * (116/123/147 sit ~10% of the face width inside the oval), the forehead stops above the brows,
 * the nose polygon stays above the alae, so eyes, brows, lips and nostrils are never inside.
 */
export const REGION_INDICES: Record<RegionName, readonly number[]> = {
  forehead: [103, 67, 109, 10, 338, 297, 332, 333, 299, 337, 151, 108, 69, 104],
  rightCheek: [116, 117, 118, 119, 100, 203, 206, 216, 192, 213, 147, 123],
  leftCheek: [345, 346, 347, 348, 329, 423, 426, 436, 416, 433, 376, 352],
  nose: [6, 351, 419, 248, 281, 275, 4, 45, 51, 3, 196, 122],
  chin: [201, 200, 421, 418, 262, 369, 396, 175, 171, 140, 32],
  rightUnderEye: [228, 229, 230, 231, 232, 121, 120, 119, 118, 117],
  leftUnderEye: [448, 449, 450, 451, 452, 350, 349, 348, 347, 346],
};

/** The face outline (jaw, temples, hairline). */
export const FACE_OVAL: readonly number[] = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136,
  172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
];

/**
 * Regions are clipped to the face outline shrunk by this factor about its centre: the outer 10% of
 * the face is where hair, ears, background and the jaw shadow sit (measured: most false lesions on the
 * sample crops lay in that rim).
 */
export const SAFE_OVAL_SCALE = 0.9;

export function safeOval(mesh: readonly Pt[]): Pt[] {
  const pts: Pt[] = FACE_OVAL.map((i) => mesh[i] ?? [0, 0]);
  const cx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const cy = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  return pts.map(([x, y]) => [cx + (x - cx) * SAFE_OVAL_SCALE, cy + (y - cy) * SAFE_OVAL_SCALE]);
}

/** Nasolabial folds (alar crease → outside the mouth corner): dark lines of shading, not pigment. */
export const FOLD_LINES: ReadonlyArray<readonly [number, number]> = [
  [129, 57],
  [358, 287],
  // Marionette lines below the mouth corners.
  [61, 171],
  [291, 396],
];

/** Eye openings (upper and lower lid margins), MediaPipe indices: the sclera's white reference lies inside. */
export const EYE_RINGS: ReadonlyArray<readonly number[]> = [
  [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
  [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
];

/**
 * Features that are not skin, cut out of the whole-face detection mask, each grown about its centre:
 * eye openings ×1.35 (lids and lashes), brows ×1.2 (stray hairs), lips ×1.2 (the vermilion border). Darker
 * things beyond them (hair, nostrils, frames) are dropped by lightness in skin-context.ts. A nostril cut-out
 * took the nose tip with it (7 of 18 planted nose lesions fell in it, measured). Indices are MediaPipe's.
 */
export const FEATURE_CUTOUTS: ReadonlyArray<{ ring: readonly number[]; grow: number }> = [
  ...EYE_RINGS.map((ring) => ({ ring, grow: 1.35 })),
  { ring: [70, 63, 105, 66, 107, 55, 65, 52, 53, 46], grow: 1.2 },
  { ring: [300, 293, 334, 296, 336, 285, 295, 282, 283, 276], grow: 1.2 },
  { ring: [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185], grow: 1.2 },
];

/** The chin zone reaches this share of the face width beyond the mouth corners (and starts this far below the lip). */
const CHIN_MARGIN = 0.03;

/**
 * The whole face outline shrunk about its centre, 8% across (ears, hair and background at the temples
 * and jaw) and 2% up and down (the hairline and the jaw's shadow): the area breakouts and spots are looked for in.
 * The outline under the chin (below the mouth, between the chin zone's sides) is kept as the mesh draws it: no
 * ear or hair lies there, the neck's shadow lies beyond the outline, and beard is masked on its own
 * (facial-hair.ts). Shrunk, its lower ~2 mm and its sides were cut off the chin (dev: 19 of 145 missed
 * planted chin lesions lay there, most of them strong; kept, 8, and diagnose:red found 102 of 240, not 95).
 */
export function detectionOval(mesh: readonly Pt[]): Pt[] {
  const pts: Pt[] = FACE_OVAL.map((i) => mesh[i] ?? [0, 0]);
  const cx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const cy = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const chin = chinSpan(mesh);
  return pts.map(([x, y]) =>
    y > chin.belowY && x > chin.left && x < chin.right ? [x, y] : [cx + (x - cx) * 0.92, cy + (y - cy) * 0.98],
  );
}

/** The chin zone's sides (the mouth corners widened by CHIN_MARGIN of the face width) and the mouth line it lies below. */
function chinSpan(mesh: readonly Pt[]): { left: number; right: number; belowY: number } {
  const at = (i: number): Pt => mesh[i] ?? [0, 0];
  const xs = FACE_OVAL.map((i) => at(i)[0]);
  const margin = CHIN_MARGIN * (Math.max(...xs) - Math.min(...xs));
  return { left: at(61)[0] - margin, right: at(291)[0] + margin, belowY: Math.max(at(61)[1], at(291)[1]) };
}

/** Forehead from the temples over the top of the mesh and back along the brows' upper edges. */
const FOREHEAD_ZONE = [54, 103, 67, 109, 10, 338, 297, 332, 284, 300, 293, 334, 296, 336, 9, 107, 66, 105, 63, 70];
/** The nose from between the eyes down its side walls to the alae. */
const NOSE_ZONE = [168, 417, 351, 419, 248, 281, 275, 294, 327, 326, 2, 97, 98, 64, 45, 51, 3, 196, 122, 193];

/**
 * Where breakouts and spots are looked for: forehead, nose, cheeks (down the jaw) and chin, each as a
 * person would point to it. Outside them (under-eye hollows, the upper lip, the nasolabial and lid creases, the
 * temples at the hairline) shading and features outnumber lesions: most false findings on the sample
 * crops lay there (measured: 40 of 56). Marks `mask` with 1 inside the zones.
 */
export function fillDetectionZones(mask: Uint8Array, width: number, height: number, mesh: readonly Pt[]): void {
  const at = (i: number): Pt => mesh[i] ?? [0, 0];
  fillPolygon(mask, width, height, FOREHEAD_ZONE.map(at));
  fillPolygon(mask, width, height, NOSE_ZONE.map(at));
  const xs = FACE_OVAL.map((i) => at(i)[0]);
  const faceWidth = Math.max(...xs) - Math.min(...xs);
  const margin = CHIN_MARGIN * faceWidth;
  const lipBottom = Math.max(at(17)[1], at(84)[1], at(314)[1]) + margin;
  const cheekTop = Math.max(at(145)[1], at(374)[1]) + 0.05 * faceWidth;
  const { left: chinL, right: chinR, belowY: mouthY } = chinSpan(mesh);
  const innerL = Math.min(at(129)[0] - margin, at(61)[0]);
  const innerR = Math.max(at(358)[0] + margin, at(291)[0]);
  // Per row, the pixels x with chinL < x < chinR (below the lip) and, beside the nose down to the mouth line, then
  // beside the chin down the jaw (where hormonal breakouts sit), x < left or x > right: three runs filled whole.
  for (let y = Math.max(0, Math.floor(cheekTop)); y < height; y++) {
    const row = y * width;
    if (y > lipBottom) fillBetween(mask, row, width, chinL, chinR);
    const left = y < mouthY ? innerL : chinL - margin;
    const right = y < mouthY ? innerR : chinR + margin;
    fillBetween(mask, row, width, Number.NEGATIVE_INFINITY, left);
    fillBetween(mask, row, width, right, Number.POSITIVE_INFINITY);
  }
}

/**
 * Sets the whole x with lo < x < hi (x in 0 … width − 1) of the row starting at `row`: the pixels a per-pixel
 * `x > lo && x < hi` marks, from floor(lo) + 1 to ceil(hi) − 1 (nothing when either is NaN, as the comparisons).
 */
export function fillBetween(mask: Uint8Array, row: number, width: number, lo: number, hi: number): void {
  const from = Math.max(0, Math.floor(lo) + 1);
  const to = Math.min(width - 1, Math.ceil(hi) - 1);
  if (from <= to) mask.fill(1, row + from, row + to + 1);
}

export function grownPolygon(mesh: readonly Pt[], ring: readonly number[], grow: number): Pt[] {
  const pts: Pt[] = ring.map((i) => mesh[i] ?? [0, 0]);
  const cx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const cy = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  return pts.map(([x, y]) => [cx + (x - cx) * grow, cy + (y - cy) * grow]);
}

/** The T-zone for shine: forehead and nose. */
export const T_ZONE: readonly RegionName[] = ["forehead", "nose"];
export const CHEEKS: readonly RegionName[] = ["leftCheek", "rightCheek"];

export function regionPolygon(mesh: readonly Pt[], name: RegionName): Pt[] {
  return REGION_INDICES[name].map((i) => mesh[i] ?? [0, 0]);
}

/**
 * The rows fillPolygon visits for `poly` (first, last; none when first > last, or a NaN bound): callers that skip
 * the rows no polygon reaches (skin-context.ts) read the same bounds.
 */
export function polygonRowRange(poly: readonly Pt[], height: number): [number, number] {
  let minY = height;
  let maxY = 0;
  for (const [, y] of poly) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return [Math.max(0, Math.floor(minY)), Math.min(height - 1, Math.ceil(maxY))];
}

/** Scanline fill (even-odd) of a polygon into a mask of the given size; returns the pixel count. */
export function fillPolygon(mask: Uint8Array, width: number, height: number, poly: readonly Pt[], value = 1): number {
  let count = 0;
  const [firstY, lastY] = polygonRowRange(poly, height);
  const xs: number[] = [];
  for (let y = firstY; y <= lastY; y++) {
    const sy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const pi = poly[i];
      const pj = poly[j];
      if (!pi || !pj) continue;
      if (pi[1] > sy !== pj[1] > sy) xs.push(pi[0] + ((sy - pi[1]) / (pj[1] - pi[1])) * (pj[0] - pi[0]));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = Math.max(0, Math.ceil((xs[k] ?? 0) - 0.5));
      const x1 = Math.min(width - 1, Math.floor((xs[k + 1] ?? 0) - 0.5));
      for (let x = x0; x <= x1; x++) {
        mask[y * width + x] = value;
        count++;
      }
    }
  }
  return count;
}

/** Marks a thick segment (a capsule) in the mask: used for the fold masks. */
export function fillCapsule(
  mask: Uint8Array,
  width: number,
  height: number,
  a: Pt,
  b: Pt,
  radius: number,
  value = 1,
): void {
  const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - radius));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a[0], b[0]) + radius));
  const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - radius));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a[1], b[1]) + radius));
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy || 1;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const t = Math.min(1, Math.max(0, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
      const ex = x - (a[0] + t * dx);
      const ey = y - (a[1] + t * dy);
      if (ex * ex + ey * ey <= radius * radius) mask[y * width + x] = value;
    }
  }
}
