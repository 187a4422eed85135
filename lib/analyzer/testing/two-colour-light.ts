import type { RgbImage } from "../decode";
import { detectFaces, type DetectedFace } from "../face-model";
import { faceFrame } from "./portrait-light";
import { decodeJpeg, encodeRgb, toLinear, toSrgb } from "./rgb-io";

/**
 * Two lights of different colours from the two sides of the face, as a club's or a gaming room's neon, or a
 * coloured screen on one side and a white lamp on the other: the light's colour changes across the face, which
 * the analyzer's one global (von Kries) correction cannot undo. Added 28 Nov 2026, prompted by the published
 * held-out report: a face lit red from one side and blue from the other read redness 46–52 (grade 3).
 *
 * Each light is a linear-RGB colour scaled to unit luminance (Rec. 709 Y = 1), so the face keeps its
 * brightness and only the light's colour changes. Lights add: at a point a share w of the right light and
 * 1 − w of the left, w = ½ + ½·tanh(u / FALLOFF), u the signed distance from the nose line (mesh 168 → 152)
 * in face widths, + toward the image's right. FALLOFF 0.15 face widths puts each cheek (≈ 0.3 off the line)
 * ≈ 96% in its own side's light, and the nose and mid forehead in the mix.
 */
type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;
type Rgb = readonly [number, number, number];

const FALLOFF = 0.15;

/** Light colours, linear RGB before the unit-luminance scaling: neon tubes and LED strips. */
export const LIGHT_COLOURS = {
  white: [1, 1, 1],
  red: [1, 0.25, 0.3],
  magenta: [1, 0.35, 1],
  blue: [0.3, 0.45, 1],
  cyan: [0.3, 1, 1],
} as const satisfies Record<string, Rgb>;
export type LightColour = keyof typeof LIGHT_COLOURS;

function unitLuminance([r, g, b]: Rgb): Rgb {
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return [r / y, g / y, b / y];
}

/** The image lit by `left` from the image's left and `right` from its right, at `strength` (0 = white light, 1 = full colour). */
export function twoColourImage(img: RgbImage, face: DetectedFace, left: Rgb, right: Rgb, strength = 1): RgbImage {
  const mixWhite = (c: Rgb) => unitLuminance(c.map((v) => 1 + (v - 1) * strength) as unknown as Rgb);
  const [gl, gr] = [mixWhite(unitLuminance(left)), mixWhite(unitLuminance(right))];
  const { mid, faceWidth } = faceFrame(face, img);
  const out = new Uint8Array(img.data.length);
  for (let y = 0; y < img.height; y++) {
    const m = mid(y);
    for (let x = 0; x < img.width; x++) {
      const w = 0.5 + 0.5 * Math.tanh((x - m) / faceWidth / FALLOFF);
      const p = 3 * (y * img.width + x);
      for (let c = 0; c < 3; c++) {
        const g = (1 - w) * (gl[c] as number) + w * (gr[c] as number);
        out[p + c] = toSrgb(toLinear(img.data[p + c] ?? 0) * g);
      }
    }
  }
  return { data: out, width: img.width, height: img.height };
}

/** A JPEG lit by two coloured lights, one from each side (see twoColourImage); the face is found on the photo. */
export const twoColourLight =
  (left: LightColour, right: LightColour, strength = 1): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    return encodeRgb(twoColourImage(img, face, LIGHT_COLOURS[left], LIGHT_COLOURS[right], strength));
  };

/** The eval's two-light stresses: neon pairs at full colour, a coloured light beside a white one, and a paler pair. */
export const TWO_LIGHT_VARIANTS: ReadonlyArray<{ name: string; make: Variant }> = [
  { name: "red left, blue right", make: twoColourLight("red", "blue") },
  { name: "magenta left, cyan right", make: twoColourLight("magenta", "cyan") },
  { name: "red left, white right", make: twoColourLight("red", "white") },
  { name: "red left, blue right, half colour", make: twoColourLight("red", "blue", 0.5) },
];
