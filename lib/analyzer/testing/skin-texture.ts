import { FACE_WIDTH_MM, faceWidthPx } from "./zones";
import type { RgbImage } from "../decode";

const lumaAt = (img: RgbImage, x: number, y: number): number => {
  const cx = Math.max(0, Math.min(img.width - 1, x));
  const cy = Math.max(0, Math.min(img.height - 1, y));
  const p = 3 * (cy * img.width + cx);
  return 0.299 * (img.data[p] ?? 0) + 0.587 * (img.data[p + 1] ?? 0) + 0.114 * (img.data[p + 2] ?? 0);
};

/**
 * Fine texture around (x, y): the median, over a disc of `radius` px, of |luma − its 3 × 3 mean| divided by the
 * disc's mean luma. Strands and stubble dots put most pixels of a window well off their neighbours' mean; skin,
 * pores and a mole or fold among them leave the median low (a median, not an RMS: one edge does not make texture).
 * Relative to the luma so that a dark beard on light skin and the same face darkened compare alike.
 */
export function fineTexture(img: RgbImage, x: number, y: number, radius: number): number {
  const cx = Math.round(x);
  const cy = Math.round(y);
  const R = Math.max(2, Math.round(radius));
  const deviations: number[] = [];
  let sum = 0;
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) {
      if (dx * dx + dy * dy > R * R) continue;
      const px = cx + dx;
      const py = cy + dy;
      let mean = 0;
      for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) mean += lumaAt(img, px + i, py + j);
      const l = lumaAt(img, px, py);
      deviations.push(Math.abs(l - mean / 9));
      sum += l;
    }
  }
  deviations.sort((a, b) => a - b);
  const mid = deviations[deviations.length >> 1] ?? 0;
  return mid / Math.max(1, sum / deviations.length);
}

/**
 * A site whose fine texture is this multiple of the open cheek's or more is hair: stubble, a goatee, a beard.
 * Dev faces, sites in the evaluation's zones that the luma test passes (melanin 0 and 4): under the analyzer's
 * own hair mask 99% are at 2.5× or more (10th percentile 3.3×), on women's and clean-shaven faces 1.6% (lip and
 * nostril rims, brow ends, the hairline on low-resolution crops); 95% and 0.7% at 3×.
 */
export const HAIR_TEXTURE_RATIO = 2.5;

/** Mesh 50 and 280, mid-cheek: skin that carries no beard on any dev face (the planter's skin luma too). */
const MID_CHEEK_POINTS = [50, 280] as const;
/** The cheek patches' radius, mm at the face's own scale (≈ 135 mm across the cheekbones). */
const CHEEK_PATCH_MM = 3;

/** The open cheek's fine texture (fineTexture), the reference a planting site is judged against. */
export function cheekTexture(img: RgbImage, mesh: ReadonlyArray<readonly [number, number]>): number {
  const radius = (CHEEK_PATCH_MM / FACE_WIDTH_MM) * faceWidthPx(mesh);
  let sum = 0;
  for (const i of MID_CHEEK_POINTS) {
    const [x, y] = mesh[i] ?? [0, 0];
    sum += fineTexture(img, x, y, radius);
  }
  return sum / MID_CHEEK_POINTS.length;
}
