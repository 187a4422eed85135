import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import sharp, { type OutputInfo } from "sharp";
import { LocalCloudError } from "./errors";
import { MIN_SHORT_SIDE } from "../analyzer/decode";
import { lowestJpegQuality, withSourceQuality } from "../domain/jpeg-quality";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const REENCODE_QUALITY = 92;
// 50 MP covers every phone camera; larger "images" are decompression bombs, not selfies.
const MAX_INPUT_PIXELS = 50_000_000;

export type ImageKind = "image/jpeg" | "image/png" | "image/webp";

/** Identifies the format from the first bytes; the declared Content-Type is never trusted. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const at = (i: number) => bytes[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => at(i) === b)) return "image/png";
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString("latin1");
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/**
 * Re-encodes to JPEG: applies EXIF orientation first, then drops all metadata (GPS, device, EXIF)
 * because sharp writes none unless asked. The colour stays at full resolution (4:4:4), as the app uploads it
 * (components/capture/image-processing.ts) and as the cloud mode hands it to the analyzer untouched: sharp's default
 * 4:2:0 would halve a small spot's redness here and give the two modes different findings. A file saved at a lower
 * quality than this re-encode's says so in the output (jpeg-quality.ts withSourceQuality), as the cloud's untouched
 * bytes would: the analyzer's confidence falls with it.
 */
export async function reencodeImage(bytes: Uint8Array): Promise<Buffer> {
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new LocalCloudError("TOO_LARGE", "That photo is larger than 15 MB. Please use a smaller one.");
  }
  if (!sniffImage(bytes)) {
    throw new LocalCloudError(
      "UNSUPPORTED_MEDIA",
      "That file isn't a photo we can read. Please use a JPEG, PNG or WebP image.",
    );
  }
  let encoded: { data: Buffer; info: OutputInfo };
  try {
    encoded = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .jpeg({ quality: REENCODE_QUALITY, mozjpeg: false, chromaSubsampling: "4:4:4" })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    // sharp's words for limitInputPixels: a photo no camera takes, not a damaged one.
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new LocalCloudError(
        "TOO_LARGE",
        "That image has more pixels than any phone photo. Please use a photo from a phone camera.",
        {
          cause: error,
          reason: "PHOTO_TOO_MANY_PIXELS",
        },
      );
    }
    throw new LocalCloudError(
      "UNPROCESSABLE",
      "We couldn't read that photo. It may be damaged; please try another one.",
      {
        cause: error,
        reason: "PHOTO_UNREADABLE",
      },
    );
  }
  // The analyzer refuses these too, but only as BAD_IMAGE after the upload; say why now, while a retake is one tap away.
  if (Math.min(encoded.info.width, encoded.info.height) < MIN_SHORT_SIDE) {
    throw new LocalCloudError(
      "UNPROCESSABLE",
      `That photo is too small. Please use one at least ${MIN_SHORT_SIDE} pixels on its shorter side.`,
      { reason: "PHOTO_TOO_SMALL" },
    );
  }
  const source = lowestJpegQuality(bytes);
  return source !== null && source < REENCODE_QUALITY
    ? Buffer.from(withSourceQuality(encoded.data, source))
    : encoded.data;
}

// User ids are UUIDs; guest ids are "guest-" and a UUID. Anything else is never a folder name here.
const OWNER_ID = /^(guest-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Files live at DATA_DIR/uploads/<userId>/<analysisId>.jpg; the key is that path relative to DATA_DIR. */
export class ImageStorage {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir);
  }

  keyFor(userId: string, analysisId: string): string {
    return ["uploads", userId, `${analysisId}.jpg`].join("/");
  }

  /** Resolves a key and refuses anything that would land outside uploads/. */
  private pathOf(key: string): string {
    const uploads = join(this.root, "uploads");
    const path = resolve(this.root, key);
    const rel = relative(uploads, path);
    if (rel.startsWith("..") || rel.includes(`..${sep}`) || resolve(uploads, rel) !== path) {
      throw new LocalCloudError("NOT_FOUND", "We couldn't find that photo.");
    }
    return path;
  }

  async write(key: string, jpeg: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(resolve(path, ".."), { recursive: true });
    // Write then rename, so a reader (or a crash) never sees half a file.
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, jpeg);
    await rename(tmp, path);
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Every photo of one owner: their folder goes (account deletion, a finished or expired guest check). */
  async removeOwner(owner: string): Promise<void> {
    if (!OWNER_ID.test(owner)) throw new LocalCloudError("NOT_FOUND", "We couldn't find that photo.");
    await rm(this.pathOf(["uploads", owner].join("/")), { recursive: true, force: true });
  }

  /** Owner folders under uploads/ (the guest sweep looks for ones whose session is gone). */
  async owners(): Promise<string[]> {
    try {
      return (await readdir(join(this.root, "uploads"))).filter((name) => OWNER_ID.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  }
}
