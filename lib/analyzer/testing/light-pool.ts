import { detectFaces } from "../face-model";
import { faceFrame } from "./portrait-light";
import { decodeJpeg, encodeRgb, toLinear, toSrgb } from "./rgb-io";

type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;

/** Mesh point at the middle of the forehead (as brightFaceTo meters it). */
export const FOREHEAD_CENTRE = 151;

/**
 * A pool of white light on the face, as a lamp overhead or a window's sun patch throws it: linear RGB is multiplied
 * by 1 + (peak − 1)·exp(−d² / 2σ²), d the distance from mesh point `centre`, σ `sigma` face widths. White light scales
 * R, G and B alike, so every pixel that stays below the ceiling keeps its colour ratios; where a channel reaches 255 it
 * is clipped, as a camera clips it.
 */
export const lightPool =
  (centre: number, peak: number, sigma = 0.2): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    const at = face?.mesh[centre];
    // Thrown, not the photo returned as it was: a test "in a pool of light" would then quietly test it as taken.
    if (!face || !at) throw new Error("lightPool: no face found to light");
    const s = sigma * faceFrame(face, img).faceWidth;
    const out = new Uint8Array(img.data.length);
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const gain = 1 + (peak - 1) * Math.exp(-((x - at[0]) ** 2 + (y - at[1]) ** 2) / (2 * s * s));
        const p = 3 * (y * img.width + x);
        for (let c = 0; c < 3; c++) out[p + c] = toSrgb(toLinear(img.data[p + c] ?? 0) * gain);
      }
    }
    return encodeRgb({ data: out, width: img.width, height: img.height });
  };
