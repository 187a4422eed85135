import type { RgbImage } from "../decode";
import { detectFaces, type DetectedFace } from "../face-model";
import { FACE_OVAL, fillPolygon } from "../mesh-regions";
import { gaussianBlur, makePlane } from "../planes";
import { combine } from "./everyday-photos";
import { cast } from "./lighting";
import { makeRng } from "./plant";
import { decodeJpeg, encodeRgb } from "./rgb-io";

/**
 * A person in front of a coloured wall: everything outside the face (its mesh outline grown 1.35× about its centre,
 * with a soft edge, so the hairline and jaw stay) replaced by a painted or panelled wall. A warm wall fills much of
 * an indoor selfie's frame and is not a grey surface, so a light estimate that reads it as one is misled.
 */
type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;

/** Wall colours as a phone records them in white light (8-bit sRGB): beige paint, orange paint, a wood panel. */
export const WALLS = {
  beige: [215, 190, 150],
  orange: [215, 125, 55],
  wood: [150, 95, 55],
} as const satisfies Record<string, readonly [number, number, number]>;
export type Wall = keyof typeof WALLS;

/** The face outline grown by this factor about its centre: what the wall leaves of the person. */
const KEEP_SCALE = 1.35;

/** Soft (0..1) mask of the face outline grown `scale`× about its centre. */
function keptFace(img: RgbImage, face: DetectedFace, scale: number): Float32Array {
  const pts = FACE_OVAL.map((i) => face.mesh[i] ?? ([0, 0] as const));
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const mask = new Uint8Array(img.width * img.height);
  fillPolygon(
    mask,
    img.width,
    img.height,
    pts.map(([x, y]) => [cx + (x - cx) * scale, cy + (y - cy) * scale] as [number, number]),
  );
  const soft = makePlane(img.width, img.height);
  for (let i = 0; i < mask.length; i++) soft.data[i] = mask[i] ?? 0;
  return gaussianBlur(soft, 8).data;
}

/**
 * The wall behind the face, lit as the photo is: a little grain (paint or wood), a ±15% fall-off of the room's
 * light across the frame, seeded so that a run repeats.
 */
export const onWall =
  (wall: Wall): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    const keep = keptFace(img, face, KEEP_SCALE);
    const rgb = WALLS[wall];
    const rng = makeRng(7);
    const out = new Uint8Array(img.data);
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const i = y * img.width + x;
        const a = keep[i] ?? 0;
        const grain = 1 + 0.06 * Math.sin(x / 9 + 3 * Math.sin(y / 40)) + 0.03 * (rng() - 0.5);
        const light = 0.85 + 0.3 * (x / img.width);
        for (let c = 0; c < 3; c++) {
          const paint = Math.min(255, (rgb[c] ?? 0) * grain * light);
          out[3 * i + c] = Math.round(a * (img.data[3 * i + c] ?? 0) + (1 - a) * paint);
        }
      }
    }
    return encodeRgb({ data: out, width: img.width, height: img.height });
  };

/**
 * Good photos in a warm room (the eval's good variants): an orange wall in white light, and orange or wood walls
 * under tungsten light on everything. The face is lit as in the photo or by a lamp a correction undoes, and the wall
 * is paint, not light: a photo a person would expect to pass.
 */
export const WARM_ROOM_GOOD_VARIANTS: ReadonlyArray<{ name: string; make: Variant }> = [
  { name: "orange wall", make: onWall("orange") },
  { name: "orange wall + warm light", make: combine(onWall("orange"), cast("warm")) },
  { name: "wood wall + warm light", make: combine(onWall("wood"), cast("warm")) },
];
