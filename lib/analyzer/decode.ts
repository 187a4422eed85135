import sharp from "sharp";
import { AnalyzerInputError } from "./errors";
import { MIN_PHOTO_SHORT_SIDE } from "../domain/photo-limits";

/** Packed 8-bit RGB pixels, row-major. */
export type RgbImage = { data: Uint8Array; width: number; height: number };

export type DecodedPhoto = {
  /** Oriented size of the photo as uploaded (what findings are normalised to). */
  width: number;
  height: number;
  /** The oriented pixels, downscaled to at most WORK_MAX_SIDE: the face crop is taken from these. */
  work: RgbImage;
  /** work pixels per original pixel (≤ 1). */
  workScale: number;
};

/** An uploaded selfie larger than this is almost surely not a phone photo; also bounds memory. */
export const MAX_BYTES = 15 * 1024 * 1024;
/** Decompression-bomb guard passed to sharp's limitInputPixels (a 48 MP phone sensor bins to 12 MP). */
export const MAX_PIXELS = 40_000_000;
export const MIN_SHORT_SIDE = MIN_PHOTO_SHORT_SIDE;
/**
 * Cap on the working copy: faces are normalised to 512 px wide for the metrics, so even a face that
 * fills a fifth of a 2560 px photo keeps full detail; it keeps a 40 MP upload from costing 120 MB raw.
 */
const WORK_MAX_SIDE = 2560;

type Format = "jpeg" | "png" | "webp";

/** Sniff the container from its magic bytes: never trust a Content-Type or a file name. */
function sniffFormat(b: Uint8Array): Format | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "png";
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(0, 4)) === "RIFF" &&
    String.fromCharCode(...b.subarray(8, 12)) === "WEBP"
  ) {
    return "webp";
  }
  return null;
}

function mapSharpError(err: unknown): AnalyzerInputError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(msg)) return new AnalyzerInputError("TOO_MANY_PIXELS", { cause: err });
  return new AnalyzerInputError("CORRUPT", { cause: err });
}

export async function decodePhoto(bytes: Uint8Array): Promise<DecodedPhoto> {
  if (bytes.length === 0) throw new AnalyzerInputError("EMPTY");
  if (bytes.length > MAX_BYTES) throw new AnalyzerInputError("TOO_LARGE");
  const format = sniffFormat(bytes);
  if (format === null) throw new AnalyzerInputError("UNSUPPORTED_TYPE");

  // Refuse a PNG bomb from its IHDR before libvips allocates anything (sharp also enforces the limit).
  if (format === "png" && bytes.length >= 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(16) * view.getUint32(20) > MAX_PIXELS) throw new AnalyzerInputError("TOO_MANY_PIXELS");
  }
  const options = { failOn: "truncated", limitInputPixels: MAX_PIXELS } as const;
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(bytes, options).metadata();
  } catch (err) {
    throw mapSharpError(err);
  }
  if (meta.format !== format) throw new AnalyzerInputError("UNSUPPORTED_TYPE");
  const rawW = meta.width ?? 0;
  const rawH = meta.height ?? 0;
  if (rawW * rawH > MAX_PIXELS) throw new AnalyzerInputError("TOO_MANY_PIXELS");
  // EXIF orientations 5–8 swap the axes.
  const swap = (meta.orientation ?? 1) >= 5;
  const width = swap ? rawH : rawW;
  const height = swap ? rawW : rawH;
  if (Math.min(width, height) < MIN_SHORT_SIDE) throw new AnalyzerInputError("TOO_SMALL");

  try {
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .resize({ width: WORK_MAX_SIDE, height: WORK_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return {
      width,
      height,
      work: { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height },
      workScale: info.width / width,
    };
  } catch (err) {
    throw mapSharpError(err);
  }
}
