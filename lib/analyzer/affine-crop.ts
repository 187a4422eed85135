import sharp from "sharp";
import type { RgbImage } from "./decode";

/** out = (a·x + b·y + e, c·x + d·y + f). */
export type Affine = { a: number; b: number; c: number; d: number; e: number; f: number };

export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m.a * x + m.b * y + m.e, m.c * x + m.d * y + m.f];
}

export function invertAffine(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c;
  const a = m.d / det;
  const b = -m.b / det;
  const c = -m.c / det;
  const d = m.a / det;
  return { a, b, c, d, e: -(a * m.e + b * m.f), f: -(c * m.e + d * m.f) };
}

/** Support of the bicubic interpolator: 2 px either side of a sample. */
const PAD = 3;

/**
 * Pixels [0, width) × [0, height) of the image resampled through `m` (image px → out px), in ONE
 * interpolation: a second resampling (rotate, then resize) cost red recall (gate6: a turn and a turn back
 * alone kept 0.67 of it). Where the output reaches past the image, its edge pixels are repeated, as a
 * crop clamped to the image saw no fill before. A shrink is low-passed first (Gaussian, σ for the
 * Nyquist limit of the output), as a lanczos resize is: bicubic alone aliases pores and hair into speckle.
 */
export async function resampleAffine(img: RgbImage, m: Affine, width: number, height: number): Promise<RgbImage> {
  const inv = invertAffine(m);
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map(([x, y]) => applyAffine(inv, x ?? 0, y ?? 0));
  const x0 = Math.floor(Math.min(...corners.map((p) => p[0]))) - PAD;
  const y0 = Math.floor(Math.min(...corners.map((p) => p[1]))) - PAD;
  let w = Math.ceil(Math.max(...corners.map((p) => p[0]))) + PAD - x0;
  let h = Math.ceil(Math.max(...corners.map((p) => p[1]))) + PAD - y0;
  // libvips puts the output's pixel 0 at rint(the transformed window's least corner): keep that corner off .5
  // so our reckoning of it cannot round the other way (it depends on the window's width and height only).
  const lowX = () => Math.min(0, m.a * w, m.b * h, m.a * w + m.b * h);
  const lowY = () => Math.min(0, m.c * w, m.d * h, m.c * w + m.d * h);
  const nearHalf = (v: number) => Math.abs(Math.abs(v - Math.trunc(v)) - 0.5) < 0.05;
  while (nearHalf(lowX()) || nearHalf(lowY())) {
    w += 1;
    h += 1;
  }
  const window = clampedWindow(img, x0, y0, w, h);
  const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  const sigma = scale < 1 ? 0.5 * Math.sqrt(1 / (scale * scale) - 1) : 0;
  let input = sharp(window.data, { raw: { width: w, height: h, channels: 3 } });
  if (sigma >= 0.3) {
    const { data } = await input.blur(sigma).raw().toBuffer({ resolveWithObject: true });
    input = sharp(data, { raw: { width: w, height: h, channels: 3 } });
  }
  // With the window's own origin, the image pixel (x0 + i, y0 + j) is window pixel (i, j).
  const { data, info } = await input
    .affine([m.a, m.b, m.c, m.d], {
      idx: x0,
      idy: y0,
      odx: m.e,
      ody: m.f,
      interpolator: sharp.interpolators.bicubic,
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Output pixel (i, j) of libvips is crop pixel (i + rint(lowX), j + rint(lowY)).
  return clampedWindow(
    { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height },
    -Math.round(lowX()),
    -Math.round(lowY()),
    width,
    height,
  );
}

/** The window [x0, x0 + w) × [y0, y0 + h) of the image, its edge pixels repeated where it reaches past it. */
function clampedWindow(img: RgbImage, x0: number, y0: number, w: number, h: number): RgbImage {
  const out = new Uint8Array(w * h * 3);
  for (let j = 0; j < h; j++) {
    const sy = Math.min(img.height - 1, Math.max(0, y0 + j));
    const row = sy * img.width;
    const inside0 = Math.max(0, Math.min(w, -x0));
    const inside1 = Math.max(inside0, Math.min(w, img.width - x0));
    const o = j * w * 3;
    if (inside1 > inside0)
      out.set(img.data.subarray(3 * (row + x0 + inside0), 3 * (row + x0 + inside1)), o + 3 * inside0);
    for (let i = 0; i < inside0; i++) out.set(img.data.subarray(3 * row, 3 * row + 3), o + 3 * i);
    const last = 3 * (row + img.width - 1);
    for (let i = inside1; i < w; i++) out.set(img.data.subarray(last, last + 3), o + 3 * i);
  }
  return { data: out, width: w, height: h };
}
