import { toLinear } from "./color";
import type { RgbImage } from "./decode";
import type { FaceCrop } from "./face-crop";
import { EYE_RINGS, fillPolygon } from "./mesh-regions";
import { arena } from "./scratch-arena";

/**
 * The light's colour, read before tone: a diagonal (von Kries) correction whose gains make the reference
 * neutral. References, best first:
 * - the sclera (eye whites) as a white reference (Choi & Suk, IS&T Electronic Imaging 2017; Do, You &
 *   Chien, IEEE Trans. Consumer Electronics 2007): the brighter part of each eye opening, less the glints;
 * - the scene outside the face, by shades of grey with Minkowski p = 6 (Finlayson & Trezzi 2004).
 * Both scale exactly with a global cast, so a corrected reading does not move with the light.
 */
export type LightEstimate = {
  source: "sclera" | "scene" | "none";
  /** Linear-RGB gains that neutralise the light and keep its luminance. */
  gains: [number, number, number];
  /** Strength of the cast: the largest channel ratio of the light's colour (1 = neutral). */
  cast: number;
};

type Rgb = [number, number, number];
const NONE: LightEstimate = { source: "none", gains: [1, 1, 1], cast: 1 };
/** Fewer sclera pixels than this (at 512 px face width) is a closed or squinting eye: not a reference. */
const MIN_SCLERA_PIXELS = 60;
/** ln(R/G) margin below the skin's: measured sclera sit 0.3–0.6 below the skin of the same face. */
const SCLERA_LESS_RED = 0.2;
/** Blend of the two references where both exist: the sclera is lit by the light on the face, the scene not always. */
const SCLERA_WEIGHT = 0.75;

/**
 * The sclera: bright pixels of the eye openings that are clearly less red than the skin. Lids, the
 * caruncle and (on small faces) JPEG chroma bleeding from the skin are skin-red and drop out; a cast
 * shifts skin and sclera alike, so the rule holds under any light.
 */
function scleraColour(crop: FaceCrop, skinRedness: number): Rgb | null {
  const { width, height, data } = crop.image;
  const mask = arena.uint8(width * height);
  for (const ring of EYE_RINGS)
    fillPolygon(
      mask,
      width,
      height,
      ring.map((i) => crop.mesh[i] ?? [0, 0]),
    );
  // Only the rings' bounding box can hold mask pixels: scanning it row by row visits them in the same
  // order as scanning the whole crop, at a few % of the cost.
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (const ring of EYE_RINGS) {
    for (const i of ring) {
      const [x, y] = crop.mesh[i] ?? [0, 0];
      x0 = Math.min(x0, Math.floor(x));
      x1 = Math.max(x1, Math.ceil(x));
      y0 = Math.min(y0, Math.floor(y));
      y1 = Math.max(y1, Math.ceil(y));
    }
  }
  const px: Array<{ y: number; rgb: Rgb }> = [];
  for (let y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
    for (let x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
      const i = y * width + x;
      if (!mask[i]) continue;
      const r = toLinear(data[3 * i] ?? 0);
      const g = toLinear(data[3 * i + 1] ?? 0);
      const b = toLinear(data[3 * i + 2] ?? 0);
      px.push({ y: 0.2126 * r + 0.7152 * g + 0.0722 * b, rgb: [r, g, b] });
    }
  }
  if (px.length < MIN_SCLERA_PIXELS * 2) return null;
  px.sort((p, q) => p.y - q.y);
  // The iris, pupil and lashes are the darker 60%; the top 3% are corneal glints and clipped pixels.
  const bright = px
    .slice(Math.floor(px.length * 0.6), Math.floor(px.length * 0.97))
    .filter((p) => Math.log(Math.max(1e-4, p.rgb[0]) / Math.max(1e-4, p.rgb[1])) < skinRedness - SCLERA_LESS_RED);
  if (bright.length < MIN_SCLERA_PIXELS) return null;
  const sum: Rgb = [0, 0, 0];
  for (const p of bright) for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (p.rgb[c] ?? 0);
  return sum.map((v) => v / bright.length) as Rgb;
}

/** Shades of grey with Minkowski p = 6 (Finlayson & Trezzi 2004). */
const SCENE_P = 6;
/** toLinear(v) ** SCENE_P per 8-bit value: the same numbers as raising each sample, without 3 pow calls a sample. */
const LINEAR_POW = Float64Array.from({ length: 256 }, (_, v) => toLinear(v) ** SCENE_P);

function sceneColour(work: RgbImage, face: { x: number; y: number; width: number; height: number }): Rgb | null {
  const p = SCENE_P;
  const acc: Rgb = [0, 0, 0];
  let n = 0;
  const { width, height, data } = work;
  // Every 4th pixel each way is plenty for a mean of a power.
  for (let y = 0; y < height; y += 4) {
    for (let x = 0; x < width; x += 4) {
      if (x >= face.x && x < face.x + face.width && y >= face.y && y < face.y + face.height) continue;
      const i = 3 * (y * width + x);
      const r8 = data[i] ?? 0;
      const g8 = data[i + 1] ?? 0;
      const b8 = data[i + 2] ?? 0;
      if (Math.max(r8, g8, b8) >= 250 || Math.max(r8, g8, b8) < 12) continue;
      acc[0] += LINEAR_POW[r8] as number;
      acc[1] += LINEAR_POW[g8] as number;
      acc[2] += LINEAR_POW[b8] as number;
      n++;
    }
  }
  if (n < 500) return null;
  return acc.map((v) => (v / n) ** (1 / p)) as Rgb;
}

/**
 * Gains that turn the light into a neutral light of the same luminance: a coloured light is corrected for
 * its colour, not its brightness (normalising on green instead darkened every face under a magenta light,
 * which lowers green, by 14%, and moved its ITA° by 8°; measured).
 */
function toEstimate(source: LightEstimate["source"], e: Rgb): LightEstimate {
  const [r, g, b] = e.map((v) => Math.max(1e-4, v)) as Rgb;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return { source, gains: [y / r, y / g, y / b], cast: Math.max(r, g, b) / Math.min(r, g, b) };
}

/** `skin` is the median skin colour, linear RGB. */
export function estimateLight(
  crop: FaceCrop,
  work: RgbImage,
  face: { x: number; y: number; width: number; height: number },
  skin: Rgb,
): LightEstimate {
  const sclera = scleraColour(crop, Math.log(Math.max(1e-4, skin[0]) / Math.max(1e-4, skin[1])));
  // The scene around a face that fills the photo is mostly hair and clothes: it only steadies the sclera.
  const pad = {
    x: face.x - 0.25 * face.width,
    y: face.y - 0.35 * face.height,
    width: 1.5 * face.width,
    height: 1.7 * face.height,
  };
  const scene = sceneColour(work, pad);
  if (sclera && scene) {
    const mix = sclera.map((v, c) => v ** SCLERA_WEIGHT * (scene[c] ?? v) ** (1 - SCLERA_WEIGHT)) as Rgb;
    return toEstimate("sclera", mix);
  }
  if (sclera) return toEstimate("sclera", sclera);
  if (scene) return toEstimate("scene", scene);
  return NONE;
}
