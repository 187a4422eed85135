/** Browser-side photo preparation: checks before upload, downscale and JPEG re-encode (drops EXIF/GPS). */
import { lowestJpegQuality, withSourceQuality } from "@/lib/domain/jpeg-quality";
import { MIN_PHOTO_SHORT_SIDE } from "@/lib/domain/photo-limits";
import type { EncodeReply, EncodeRequest } from "./full-colour-jpeg";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const ACCEPTED_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
/** The analyzer normalises the face to 512 px; 1280 px keeps a face filling half the frame above that. */
export const MAX_SIDE = 1280;
/**
 * Ask for frames 1.5× the photo we send (drawToJpeg fits it within MAX_SIDE): a camera's frames carry their colour at
 * half resolution (4:2:0), and scaling them down gives it back at 0.75. The evaluation measures what that does to
 * planted lesions (docs/analyzer-eval.md, "by how the photo reaches the analyzer"). A camera without such a mode gives
 * its nearest one.
 */
export const CAMERA_VIDEO = {
  facingMode: "user",
  width: { ideal: 1.5 * MAX_SIDE },
  // 4:3, a phone's photo shape.
  height: { ideal: (1.5 * MAX_SIDE * 3) / 4 },
} as const;

export class PhotoError extends Error {
  constructor(
    readonly code: "WRONG_TYPE" | "TOO_LARGE" | "TOO_SMALL" | "UNREADABLE" | "ENCODE_FAILED",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PhotoError";
  }
}

/** Returns the reason a file is refused, or null if it may be sent. */
export function checkImageFile(file: { type: string; size: number }): PhotoError | null {
  if (!(ACCEPTED_TYPES as readonly string[]).includes(file.type)) {
    return new PhotoError("WRONG_TYPE", "That file type isn't supported. Please choose a JPEG, PNG or WebP photo.");
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return new PhotoError("TOO_LARGE", `That photo is ${mb} MB. Please choose one that is 15 MB or smaller.`);
  }
  return null;
}

export function fitWithin(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Mean Rec. 601 luma (0..255) of RGBA pixels: cheap enough to run on a tiny frame twice a second. */
export function meanLuma(rgba: Uint8ClampedArray): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i + 2 < rgba.length; i += 4) {
    sum += 0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0);
    count += 1;
  }
  return count === 0 ? 0 : sum / count;
}

export type LightingHint = "too-dark" | "too-bright" | "ok";

/** Thresholds sit inside the analyzer's own exposure gate so the hint fires before a photo fails. */
export function lightingHint(luma: number): LightingHint {
  if (luma < 60) return "too-dark";
  if (luma > 210) return "too-bright";
  return "ok";
}

export interface PreparedPhoto {
  blob: Blob;
  url: string;
  width: number;
  height: number;
  /**
   * The JPEG quality the person's own file was saved at (lib/domain/jpeg-quality.ts), before the re-encode at 90 hid it;
   * absent for a camera capture or another format.
   */
  sourceJpegQuality?: number;
}

/**
 * A JPEG's tables come before its picture, after at most its EXIF (≤ 64 KB) and colour profile: the first MiB holds
 * them, so a 15 MB photo is not read a second time for them. A header longer than this reads as unknown.
 */
const JPEG_HEADER_BYTES = 1 << 20;

/** The quality `file` was saved at if it is a JPEG, from its header alone. */
export async function sourceJpegQuality(file: Blob): Promise<number | undefined> {
  if (file.type !== "image/jpeg") return undefined;
  try {
    return lowestJpegQuality(new Uint8Array(await file.slice(0, JPEG_HEADER_BYTES).arrayBuffer())) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * `sourceJpegQuality`: the quality of the person's file, when it is a JPEG. The re-encode says it in a comment segment
 * (jpeg-quality.ts withSourceQuality), so the analyzer still sees how compressed the file was.
 */
export async function drawToJpeg(
  source: CanvasImageSource,
  srcWidth: number,
  srcHeight: number,
  sourceJpegQuality?: number,
): Promise<PreparedPhoto> {
  const { width, height } = fitWithin(srcWidth, srcHeight);
  // Said here, before anything is sent: the server and the analyzer refuse it too, but only after an upload.
  if (Math.min(width, height) < MIN_PHOTO_SHORT_SIDE) {
    throw new PhotoError(
      "TOO_SMALL",
      `That photo is too small. Please use one at least ${MIN_PHOTO_SHORT_SIDE} pixels on its shorter side.`,
    );
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx)
    throw new PhotoError("ENCODE_FAILED", "Your browser couldn't prepare the photo. Please try another browser.");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(source, 0, 0, width, height);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await encodeFullColourJpeg(ctx.getImageData(0, 0, width, height).data, width, height);
  } catch (cause) {
    throw new PhotoError("ENCODE_FAILED", "Your browser couldn't prepare the photo. Please try another browser.", {
      cause,
    });
  }
  // The analyzer reads the lower of this and the re-encode's own quality, so a source saved higher changes nothing.
  const sent = sourceJpegQuality === undefined ? bytes : withSourceQuality(bytes, sourceJpegQuality);
  const blob = new Blob([sent], { type: "image/jpeg" });
  return {
    blob,
    url: URL.createObjectURL(blob),
    width,
    height,
    ...(sourceJpegQuality === undefined ? {} : { sourceJpegQuality }),
  };
}

/**
 * RGBA pixels as a JPEG whose colour keeps full resolution (4:4:4; jpeg-js writes no other). The browsers' own
 * encoders halve it (4:2:0; Chrome's canvas below quality 1), which smears a 1–2 mm spot's redness over twice its width
 * at the scale the analyzer reads; the evaluation measures the cost (docs/analyzer-eval.md, "by how the photo reaches
 * the analyzer"). About 25% more bytes.
 */
export async function encodeFullColourJpeg(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof Worker !== "undefined") {
    // A copy goes to the worker (its buffer is transferred): the page keeps its pixels for the fallback.
    const inWorker = await encodeInWorker(rgba.slice(), width, height).catch(() => null);
    if (inWorker) return inWorker;
  }
  // Loaded when a photo is prepared, not with the page: the capture step's first load stays as it was.
  const { encodeRgba } = await import("./full-colour-jpeg");
  return encodeRgba(rgba, width, height);
}

/**
 * Far longer than an encode takes even on a slow phone (a few seconds): a worker that never answers must not hold the
 * photo.
 */
const WORKER_ANSWER_MS = 10_000;

/**
 * The same encoder off the page's thread. Rejects when the worker cannot start (a throw here, e.g. a CSP refusal,
 * rejects too: the function is async), fails or does not answer in time; the caller then encodes in place.
 */
async function encodeInWorker(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const worker = new Worker(new URL("./jpeg-encode.worker.ts", import.meta.url));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error("the photo encoder did not answer")), WORKER_ANSWER_MS);
      worker.onmessage = ({ data }: MessageEvent<EncodeReply>) =>
        data.ok ? resolve(data.bytes) : reject(new Error(data.message));
      worker.onerror = (event) => reject(new Error(event.message || "the photo encoder did not start"));
      const request: EncodeRequest = { rgba, width, height };
      worker.postMessage(request, [rgba.buffer]);
    });
  } finally {
    clearTimeout(timer);
    worker.terminate();
  }
}

export async function prepareFile(file: File): Promise<PreparedPhoto> {
  const refused = checkImageFile(file);
  if (refused) throw refused;
  let bitmap: ImageBitmap;
  try {
    // from-image applies the EXIF rotation before the pixels are re-encoded without it.
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch (cause) {
    throw new PhotoError("UNREADABLE", "We couldn't open that photo. It may be damaged; please choose another.", {
      cause,
    });
  }
  try {
    return await drawToJpeg(bitmap, bitmap.width, bitmap.height, await sourceJpegQuality(file));
  } finally {
    bitmap.close();
  }
}
