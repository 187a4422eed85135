import encode from "jpeg-js/lib/encoder";

/** jpeg-js quality, 0–100. */
export const JPEG_QUALITY = 90;

/** RGBA pixels as a baseline JPEG with every component sampled 1 × 1 (4:4:4): on the page or in the worker. */
export function encodeRgba(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encode({ data: rgba, width, height }, JPEG_QUALITY).data);
}

/**
 * The page's request to the worker: the prepared photo's RGBA pixels. Their buffer is transferred, so the page sends
 * a copy and keeps its own pixels for encoding in place if the worker fails.
 */
export interface EncodeRequest {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

export type EncodeReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };
