import type { RgbImage } from "../decode";
import { detectFaces, type DetectedFace } from "../face-model";
import { retone } from "./plant";
import { decodeJpeg, encodeRgb, toLinear, toSrgb } from "./rgb-io";

/**
 * Light across the face, as a photographer sets it or a bad lamp throws it, applied in linear RGB along the face's
 * own nose line (mesh 168 → 152), found by the detector on the photo:
 * - a studio key light with fill: the lit side gets `ratio` × the fill side's light, falling off smoothly across
 *   the whole face (key:fill 2:1–4:1 is ordinary portrait lighting; 3:1 is the studio default);
 * - a hard half shadow: a bare lamp or the sun to one side leaves half the face at 1/`ratio` of the light behind a
 *   terminator a few mm wide ("split" lighting, ≥ 5:1): the shadow side is no longer a usable skin photo.
 */
type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;
export type Side = "left" | "right";

/**
 * Smooth key: the log of the light follows a tanh across the face, 10–90% of the fall over ±0.22 face widths
 * (≈ 60 mm, a large soft box), so the cheeks (≈ 0.3 face widths off the nose line) see ≈ 90% of the full ratio.
 */
const KEY_FALLOFF = 0.2;
/** Hard shadow: a logistic edge of scale 0.005 face widths, 10–90% within ≈ 3 mm (a small lamp's penumbra on a cheek). */
const HARD_EDGE = 0.005;

type Frame = { mid: (y: number) => number; faceWidth: number };

/** The face's nose line (x at each row, from the mesh's brow-to-chin line) and its width in pixels. */
export function faceFrame(face: DetectedFace, img: RgbImage): Frame {
  const top = face.mesh[168];
  const chin = face.mesh[152];
  const l = face.mesh[234];
  const r = face.mesh[454];
  const faceWidth = l && r ? Math.hypot(r[0] - l[0], r[1] - l[1]) : face.box.width;
  if (!top || !chin || chin[1] <= top[1]) return { mid: () => img.width / 2, faceWidth };
  const slope = (chin[0] - top[0]) / (chin[1] - top[1]);
  return { mid: (y) => top[0] + (y - top[1]) * slope, faceWidth };
}

/** Multiplies linear light by `gain(u)`, u = signed distance from the nose line in face widths (+ = `shadow` side). */
async function relight(
  img: RgbImage,
  face: DetectedFace,
  shadow: Side,
  gain: (u: number) => number,
): Promise<Uint8Array> {
  const { mid, faceWidth } = faceFrame(face, img);
  const sign = shadow === "right" ? 1 : -1;
  const out = new Uint8Array(img.data.length);
  for (let y = 0; y < img.height; y++) {
    const m = mid(y);
    for (let x = 0; x < img.width; x++) {
      const g = gain((sign * (x - m)) / faceWidth);
      const p = 3 * (y * img.width + x);
      for (let c = 0; c < 3; c++) out[p + c] = toSrgb(toLinear(img.data[p + c] ?? 0) * g);
    }
  }
  return encodeRgb({ data: out, width: img.width, height: img.height });
}

/** Median linear luminance in a disc of 4% of the face width about a mesh point. */
function patchLuminance(img: RgbImage, face: DetectedFace, k: number): number {
  const [cx, cy] = face.mesh[k] ?? [0, 0];
  const r = Math.max(2, Math.round(0.04 * face.box.width));
  const ys: number[] = [];
  for (let y = Math.round(cy - r); y <= cy + r; y++) {
    for (let x = Math.round(cx - r); x <= cx + r; x++) {
      if (x < 0 || y < 0 || x >= img.width || y >= img.height || (x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
      const p = 3 * (y * img.width + x);
      const [R, G, B] = [0, 1, 2].map((c) => toLinear(img.data[p + c] ?? 0)) as [number, number, number];
      ys.push(0.2126 * R + 0.7152 * G + 0.0722 * B);
    }
  }
  ys.sort((a, b) => a - b);
  return Math.max(1e-4, ys[Math.floor(ys.length / 2)] ?? 0);
}

const keyShape = (u: number) => 0.5 + 0.5 * Math.tanh(u / KEY_FALLOFF);

/**
 * A studio key light with fill at `ratio`:1, measured where a photographer meters it, on the cheeks (mesh 50 and
 * 280): the key comes from the side the face is already brighter on and the smooth fall-off is scaled so that the
 * cheeks end at `ratio`:1 in all, the face's own light included. A face already lit more unevenly than that gets
 * the gradient the other way, as a fill light would lift its shadow side: a portrait at `ratio`:1 either way.
 */
export const keyLight =
  (ratio: number): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    const { mid, faceWidth } = faceFrame(face, img);
    const right = face.mesh[280] ?? [0, 0];
    const left = face.mesh[50] ?? [0, 0];
    const yRight = patchLuminance(img, face, 280);
    const yLeft = patchLuminance(img, face, 50);
    const shadow: Side = yRight < yLeft ? "right" : "left";
    const sign = shadow === "right" ? 1 : -1;
    const u = ([x, y]: readonly [number, number]) => (sign * (x - mid(y))) / faceWidth;
    const [uLit, uShadow] = shadow === "right" ? [u(left), u(right)] : [u(right), u(left)];
    const natural = Math.max(yLeft, yRight) / Math.min(yLeft, yRight);
    const spread = keyShape(uShadow) - keyShape(uLit);
    const strength = spread > 0.1 ? (Math.log(ratio) - Math.log(natural)) / spread : 0;
    return relight(img, face, shadow, (v) => Math.exp(-strength * keyShape(v)));
  };

/** Half the face at 1/`ratio` of the light behind a hard terminator on the nose line. */
export const hardShadow =
  (ratio: number, shadow: Side): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    return relight(img, face, shadow, (u) => 1 / ratio + (1 - 1 / ratio) / (1 + Math.exp(u / HARD_EDGE)));
  };

/**
 * A light-skinned face exposed brightly, then +15%: the cheeks and forehead (mesh 50, 280, 151) are raised to a
 * median sRGB luma of 0.72 (light skin exposed for the face, L* ≈ 75) by at most ×1.3, then ×1.15 as the
 * exposure variant does. A face already that bright just gets the +15%.
 */
const BRIGHT_SKIN_LUMA = 0.72;
const MAX_LIFT = 1.3;

/** The cheeks and forehead raised to a median sRGB luma of `luma` by at most ×`maxLift`, then ×`after`. */
export const brightFaceTo =
  (luma: number, after = 1.15, maxLift = MAX_LIFT): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    const r = Math.max(2, Math.round(0.04 * face.box.width));
    const lumas: number[] = [];
    for (const k of [50, 280, 151]) {
      const [cx, cy] = face.mesh[k] ?? [0, 0];
      for (let y = Math.round(cy - r); y <= cy + r; y++) {
        for (let x = Math.round(cx - r); x <= cx + r; x++) {
          if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
          const p = 3 * (y * img.width + x);
          lumas.push(
            (0.299 * (img.data[p] ?? 0) + 0.587 * (img.data[p + 1] ?? 0) + 0.114 * (img.data[p + 2] ?? 0)) / 255,
          );
        }
      }
    }
    lumas.sort((a, b) => a - b);
    const median = lumas[Math.floor(lumas.length / 2)] ?? luma;
    const gain = Math.min(maxLift, Math.max(1, luma / Math.max(median, 1e-3))) * after;
    const out = new Uint8Array(img.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.min(255, Math.round((img.data[i] ?? 0) * gain));
    return encodeRgb({ data: out, width: img.width, height: img.height });
  };

export const brightFace: Variant = brightFaceTo(BRIGHT_SKIN_LUMA);

/**
 * The same face with less melanin (Beer–Lambert in linear RGB, `retone` with a negative amount): lighter skin than
 * any dev or held-out face as taken, for the bright-light variants below.
 */
export const lighterSkin =
  (melanin: number): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    return encodeRgb(retone(img, -melanin, face.mesh));
  };
