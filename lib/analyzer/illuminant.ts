import { linearToLab, toLinear } from "./color";
import type { RgbImage } from "./decode";
import type { FaceCrop } from "./face-crop";
import { EYE_RINGS, fillPolygon } from "./mesh-regions";
import { arena } from "./scratch-arena";

/**
 * The light's colour, read before tone: a diagonal (von Kries) correction whose gains make the reference
 * neutral. References, best first:
 * - the sclera (eye whites) as a white reference (Choi & Suk, IS&T Electronic Imaging 2017; Do, You &
 *   Chien, IEEE Trans. Consumer Electronics 2007): the brighter part of each eye opening, less the glints;
 * - the scene outside the face, by shades of grey with Minkowski p = 6 (Finlayson & Trezzi 2004), over the pixels
 *   that could be a grey surface under a light the gate corrects;
 * - the skin locus, as a bound: the correction may not turn the skin into a colour skin never has in white light.
 * The sclera and the bound scale exactly with a global cast, and the scene nearly (a pixel near the grey limit may
 * cross it), so a corrected reading does not move with the light.
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
/**
 * A scene pixel whose channels differ by more than this (linear max/min) is a coloured surface, not a grey one:
 * no light the gate corrects is that coloured (GATE.maxCast, quality.ts). Shades of grey weighs the brightest
 * pixels most, so a warm wall (orange paint reads 18 in white light, 34 under tungsten) spoke for the light and
 * the correction turned the face blue: dev faces in front of an orange wall in neutral light were refused
 * COLOR_CAST on 9 of 22 (corrected skin b* −49 to −0.2).
 */
const MAX_GREY_RATIO = 10;
/** ln of each 8-bit value's linear light, floored at the darkest value the scene reads (12). */
const LN_LINEAR = Float64Array.from({ length: 256 }, (_, v) => Math.log(toLinear(Math.max(12, v))));
const LN_MAX_GREY_RATIO = Math.log(MAX_GREY_RATIO);

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
      const hi = Math.max(r8, g8, b8);
      if (hi >= 250 || hi < 12) continue;
      if ((LN_LINEAR[hi] as number) - (LN_LINEAR[Math.min(r8, g8, b8)] as number) > LN_MAX_GREY_RATIO) continue;
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

/** The skin locus's least yellow skin (b* 5: OFIQ's NaturalColour box, tone.ts SKIN_LOCUS). */
const SKIN_MIN_B = 5;

/** Blue–yellow (b*) of the skin once the light `e` is made neutral, as tone.ts reads it. */
function correctedSkinB(e: Rgb, skin: Rgb): number {
  const y = 0.2126 * e[0] + 0.7152 * e[1] + 0.0722 * e[2];
  return linearToLab((skin[0] * y) / e[0], (skin[1] * y) / e[1], (skin[2] * y) / e[2]).b;
}

/**
 * The skin-locus cue as a bound on the estimate: where correcting for the estimated light would leave the skin
 * bluer than any skin in white light (b* < 5) and bluer than it was, a reference that is not lit as a grey (a warm
 * wall, a sclera tinted by the skin around it) has over-read the light; the light is taken as the part of the
 * estimate (its log-colour scaled by t < 1) that leaves the skin at the locus's edge, or at its own colour if it
 * was bluer than that already. It acts only where a correction overshoots, which a light too coloured to correct
 * does not (dev, tungsten ×3: corrected skin b* 9–34), so that still reads as one (quality.ts GATE.maxCast). Dev, an
 * orange wall in white light: 9 of 22 faces were refused COLOR_CAST (b* −49 to −0.2), 0 with this bound and the
 * scene's grey pixels; orange or wood walls under tungsten: 21 of 22 pass (the 22nd, a dark face in low-key light,
 * reads a cast of 11–12 from its sclera alone).
 */
function boundBySkin(e: Rgb, skin: Rgb): Rgb {
  const [r, g, b] = e.map((v) => Math.max(1e-4, v)) as Rgb;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const at = (t: number): Rgb => [r, g, b].map((v) => y * (v / y) ** t) as Rgb;
  const full = correctedSkinB(e, skin);
  const none = correctedSkinB([y, y, y], skin);
  if (full >= SKIN_MIN_B || full >= none) return e;
  if (none <= SKIN_MIN_B) return [y, y, y];
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 12; k++) {
    const t = (lo + hi) / 2;
    if (correctedSkinB(at(t), skin) >= SKIN_MIN_B) lo = t;
    else hi = t;
  }
  return at(lo);
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
    // The scene only steadies the sclera: where it pulls the skin out of the skin locus and the sclera alone does
    // not, the scene is a coloured wall speaking for the light, and the sclera is the reference.
    const steadied =
      correctedSkinB(mix, skin) < SKIN_MIN_B && correctedSkinB(sclera, skin) >= SKIN_MIN_B ? sclera : mix;
    return toEstimate("sclera", boundBySkin(steadied, skin));
  }
  if (sclera) return toEstimate("sclera", boundBySkin(sclera, skin));
  if (scene) return toEstimate("scene", boundBySkin(scene, skin));
  return NONE;
}
