import sharp from "sharp";
import type { RgbImage } from "../decode";

/** JPEG bytes ↔ 8-bit RGB and sRGB ↔ linear light, for the photo variants of the evaluation and the gate tests. */
export const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const toLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

export const toSrgb = (l: number) => {
  const c = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.max(0, l) ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(c * 255)));
};

export async function decodeJpeg(j: Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(j).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

export async function encodeRgb(img: RgbImage): Promise<Uint8Array> {
  return bytes(
    await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer(),
  );
}
