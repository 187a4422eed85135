import sharp from "sharp";
import { detectFaces } from "../face-model";
import { frontalFill } from "./frontal-fill";
import { cast, dimAndNoisy, exposure } from "./lighting";
import { brightFace, brightFaceTo, keyLight, lighterSkin } from "./portrait-light";
import { bytes, decodeJpeg } from "./rgb-io";

/**
 * What everyday phones and apps do to a good selfie, alone and combined, beyond the eval's single perturbations:
 * a messaging app's thumbnail viewed enlarged, heavy JPEG, a dim room's sensor noise, a tilted head, and light
 * that is bright and warm or dim and cool at once. Every function takes and returns JPEG bytes.
 */
export type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;

/** Applies the variants left to right. */
export const combine =
  (...variants: Variant[]): Variant =>
  async (j) => {
    let out = j;
    for (const v of variants) out = await v(out);
    return out;
  };

/** Re-saved at JPEG quality `q`: 50–60 is what a "data saver" upload or a screenshot of a chat leaves. */
export const recompressed =
  (q: number): Variant =>
  async (j) =>
    bytes(await sharp(j).jpeg({ quality: q }).toBuffer());

/**
 * A low-resolution photo enlarged: the photo scaled so the face is `facePx` wide and saved at JPEG q 80, as a
 * messaging app sends it, then enlarged `factor`× with a cubic kernel, as a viewer or a "save image" does. The
 * face keeps its size in pixels ×`factor`, but its detail is that of `facePx`.
 */
export const enlargedThumbnail =
  (facePx: number, factor = 2): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    const width = Math.round((img.width * facePx) / face.box.width);
    const small = bytes(await sharp(j).resize(width).jpeg({ quality: 80 }).toBuffer());
    return bytes(
      await sharp(small)
        .resize(width * factor, undefined, { kernel: "cubic" })
        .jpeg({ quality: 92 })
        .toBuffer(),
    );
  };

/** The head (with the whole photo) rolled by `deg`, then the centre 80% kept so no fill shows at the corners. */
export const headRoll =
  (deg: number): Variant =>
  async (j) => {
    const { width = 1024, height = 1024 } = await sharp(j).metadata();
    const turned = await sharp(j).rotate(deg).toBuffer({ resolveWithObject: true });
    const w = Math.round(0.8 * width);
    const h = Math.round(0.8 * height);
    return bytes(
      await sharp(turned.data)
        .extract({
          left: Math.round((turned.info.width - w) / 2),
          top: Math.round((turned.info.height - h) / 2),
          width: w,
          height: h,
        })
        .jpeg({ quality: 92 })
        .toBuffer(),
    );
  };

/** The low-resolution case the eval scores: a face 280 px across, enlarged 2×. */
export const THUMBNAIL_FACE_PX = 280;

/**
 * Good photos under everyday conditions combined (the eval's good-photo variants; the Method text says why each is
 * a good photo). The enlarged thumbnail was added after a held-out studio portrait of that kind was refused.
 */
export const EVERYDAY_GOOD_VARIANTS: ReadonlyArray<{ name: string; make: Variant }> = [
  { name: "bright + warm (+15%, tungsten)", make: combine(exposure(1.15), cast("warm")) },
  { name: "dim + cool (−20%, shade)", make: combine(exposure(0.8), cast("cool")) },
  { name: "dim, sensor noise (−20%)", make: dimAndNoisy(0.8) },
  { name: "JPEG q55", make: recompressed(55) },
  { name: "key light 3:1 + warm", make: combine(keyLight(3), cast("warm")) },
  { name: "head roll 10°", make: headRoll(10) },
  { name: "thumbnail enlarged 2× (face 280 px)", make: enlargedThumbnail(THUMBNAIL_FACE_PX) },
  {
    name: "thumbnail enlarged 2× + key light 3:1",
    make: combine(keyLight(3), enlargedThumbnail(THUMBNAIL_FACE_PX)),
  },
];

/**
 * Light skin in bright light (the eval's good variants): the face with 0.5 melanin units taken away (lighter than any
 * dev face as taken), then the bright face (cheeks and forehead to sRGB luma 0.72, then +15%), +25% exposure, or the
 * bright face under tungsten light. Highlights clip pixel by pixel, but the skin between keeps its texture and colour.
 * And the lighter face under soft frontal light (a ring light: frontal-fill.ts) with the cheeks at luma 0.80, +15%,
 * in a tungsten-lit room: little contrast between skin and brows, yet its pupils and nostrils stay dark.
 */
export const LIGHT_SKIN_GOOD_VARIANTS: ReadonlyArray<{ name: string; make: Variant }> = [
  { name: "lighter skin, bright face +15%", make: combine(lighterSkin(0.5), brightFace) },
  { name: "lighter skin, +25% exposure", make: combine(lighterSkin(0.5), exposure(1.25)) },
  { name: "lighter skin, bright face + warm", make: combine(lighterSkin(0.5), brightFace, cast("warm")) },
  {
    name: "lighter skin, ring light, bright + warm",
    make: combine(lighterSkin(0.5), frontalFill(), brightFaceTo(0.8), cast("warm")),
  },
];
