import sharp from "sharp";
import type { RgbImage } from "./decode";
import { detectFaces, type DetectedFace } from "./face-model";

/** Blazeface works on a 256 px input and the mesh on a 192 px face crop: a bigger detection input buys nothing. */
const DETECT_MAX_SIDE = 640;
/** Metrics run at a fixed face scale so that sizes in px mean the same mm on every photo (≈0.27 mm/px). */
export const FACE_WIDTH = 512;
/** A face is ≈ 135 mm across at the cheekbones, where the mesh is widest (Farkas 1994: 130–140 mm). */
export const FACE_WIDTH_MM = 135;
/** Border around the mesh, as a fraction of face width: room for the background blurs. */
const MARGIN = 0.06;

export type FaceCrop = {
  image: RgbImage;
  /** Mesh in crop pixels. */
  mesh: Array<[number, number]>;
  /** crop px = (work px − offset) · scale */
  offsetX: number;
  offsetY: number;
  scale: number;
};

/** Faces in the work image, in its pixels, largest first. */
export async function findFaces(work: RgbImage): Promise<DetectedFace[]> {
  const whole = await detectIn(work, { left: 0, top: 0, width: work.width, height: work.height });
  if (whole.length > 0) return whole;
  // A face far from the camera is too few pixels once the frame is squeezed to 256 px: look again
  // closer, in the centre and then each corner, so a small face is named FACE_TOO_SMALL, not NO_FACE.
  const w = Math.round(work.width * 0.55);
  const h = Math.round(work.height * 0.55);
  const windows = [
    { left: Math.round((work.width - w) / 2), top: Math.round((work.height - h) / 2), width: w, height: h },
    { left: 0, top: 0, width: w, height: h },
    { left: work.width - w, top: 0, width: w, height: h },
    { left: 0, top: work.height - h, width: w, height: h },
    { left: work.width - w, top: work.height - h, width: w, height: h },
  ];
  for (const win of windows) {
    const faces = await detectIn(work, win);
    if (faces.length > 0) return faces;
  }
  return [];
}

type Window = { left: number; top: number; width: number; height: number };

/**
 * Detects faces in a window of the work image, downscaled and letterboxed to a square; returns them in
 * work-image pixels, largest first. The detector squeezes its input to a 256 px square: a 2:1 photo of
 * two people came back as NO_FACE, and a 9:16 phone selfie squeezes every face by 1.8 (measured).
 */
async function detectIn(work: RgbImage, win: Window): Promise<DetectedFace[]> {
  const k = Math.min(1, DETECT_MAX_SIDE / Math.max(win.width, win.height));
  const w = Math.max(1, Math.round(win.width * k));
  const h = Math.max(1, Math.round(win.height * k));
  const side = Math.max(w, h);
  const left = Math.floor((side - w) / 2);
  const top = Math.floor((side - h) / 2);
  const { data } = await sharp(work.data, { raw: { width: work.width, height: work.height, channels: 3 } })
    .extract(win)
    .resize(w, h, { kernel: "linear" })
    .extend({ left, right: side - w - left, top, bottom: side - h - top, background: { r: 128, g: 128, b: 128 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const faces = await detectFaces(new Uint8Array(data.buffer, data.byteOffset, data.length), side, side);
  const sx = win.width / w;
  const sy = win.height / h;
  return faces.map((f) => ({
    ...f,
    box: {
      x: (f.box.x - left) * sx + win.left,
      y: (f.box.y - top) * sy + win.top,
      width: f.box.width * sx,
      height: f.box.height * sy,
    },
    mesh: f.mesh.map(([x, y]) => [(x - left) * sx + win.left, (y - top) * sy + win.top] as [number, number]),
  }));
}

/** Width of the face in the mesh (cheek to cheek), in the mesh's pixels. */
export function meshWidth(mesh: ReadonlyArray<[number, number]>): number {
  let min = Infinity;
  let max = -Infinity;
  for (const [x] of mesh) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return Math.max(1, max - min);
}

/** Cuts the face out of the work image and scales it so the mesh is FACE_WIDTH px wide. */
export async function cropFace(work: RgbImage, face: DetectedFace): Promise<FaceCrop> {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of face.mesh) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const m = (maxX - minX) * MARGIN;
  const left = Math.max(0, Math.floor(minX - m));
  const top = Math.max(0, Math.floor(minY - m));
  const right = Math.min(work.width, Math.ceil(maxX + m));
  const bottom = Math.min(work.height, Math.ceil(maxY + m));
  const scale = FACE_WIDTH / Math.max(1, maxX - minX);
  const outW = Math.max(8, Math.round((right - left) * scale));
  const outH = Math.max(8, Math.round((bottom - top) * scale));
  const { data } = await sharp(work.data, { raw: { width: work.width, height: work.height, channels: 3 } })
    .extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) })
    .resize(outW, outH, { fit: "fill", kernel: scale > 1 ? "cubic" : "lanczos3" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    image: { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: outW, height: outH },
    mesh: face.mesh.map(([x, y]) => [(x - left) * scale, (y - top) * scale]),
    offsetX: left,
    offsetY: top,
    scale,
  };
}
