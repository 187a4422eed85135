import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import {
  blurLargeAt,
  contrastToBackground,
  contrastToBackgroundAt,
  divideByLocalRms,
  smallMaskedBlur,
  smallMaskedSquaresBlur,
  smallMask,
  smallMaskWeight,
} from "./masked-blur";
import { blurLarge, makePlane, type Plane } from "./planes";

/** A plane of noise on a slope, and a mask with holes and one large empty block (where the fallback applies). */
function fixture(width: number, height: number, seed: number): { values: Plane; mask: Uint8Array } {
  const rng = makeSeededRandom(seed);
  const values = makePlane(width, height);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      values.data[i] = 0.3 * x - 0.2 * y + 20 * (rng() - 0.5);
      const inBlock = x > width * 0.6 && y > height * 0.5;
      mask[i] = !inBlock && rng() > 0.15 ? 1 : 0;
    }
  }
  return { values, mask };
}

/** The plain composition the fused kernels replace: full-size planes throughout. */
function maskedBlurReference(values: Plane, mask: Uint8Array, sigma: number): Plane {
  const { width, height } = values;
  const num = makePlane(width, height);
  const den = makePlane(width, height);
  for (let i = 0; i < mask.length; i++) {
    den.data[i] = mask[i] ? 1 : 0;
    if (mask[i]) num.data[i] = values.data[i] ?? 0;
  }
  const bn = blurLarge(num, sigma);
  const bd = blurLarge(den, sigma);
  const out = makePlane(width, height);
  for (let i = 0; i < out.data.length; i++) {
    const d = bd.data[i] ?? 0;
    out.data[i] = d > 1e-3 ? (bn.data[i] ?? 0) / d : (values.data[i] ?? 0);
  }
  return out;
}

describe("fused masked blurs", () => {
  // Sizes that are not multiples of the downsampling factor exercise the dropped edge rows and columns.
  it.each([
    [123, 97, 12, 1],
    [64, 80, 24, -100],
    [203, 150, 12, -100],
  ])(
    "contrastToBackground on %i×%i, σ %i, gain %i equals gain·(v − reference background) bit for bit",
    (w, h, sigma, gain) => {
      const { values, mask } = fixture(w, h, w * h);
      const bg = maskedBlurReference(values, mask, sigma);
      const expected = makePlane(w, h);
      for (let i = 0; i < expected.data.length; i++)
        expected.data[i] = gain * ((values.data[i] ?? 0) - (bg.data[i] ?? 0));
      const fused = contrastToBackground(
        values,
        smallMaskedBlur(values, mask, sigma),
        smallMaskWeight(smallMask(mask, w, h), sigma),
        gain,
      );
      expect(fused.data).toEqual(expected.data);
    },
  );

  it.each([
    [123, 97, 16, 1],
    [64, 80, 24, -100],
    [203, 150, 12, 1],
  ])(
    "contrastToBackgroundAt on %i×%i, σ %i, gain %i reads the plane's value at every pixel, bit for bit",
    (w, h, sigma, gain) => {
      const { values, mask } = fixture(w, h, w + h);
      const num = smallMaskedBlur(values, mask, sigma);
      const den = smallMaskWeight(smallMask(mask, w, h), sigma);
      const plane = contrastToBackground(values, num, den, gain);
      const at = contrastToBackgroundAt(values, num, den, gain);
      const read = new Float32Array(w * h);
      // Column by column, bottom up: the reading must not depend on the order pixels are asked for.
      for (let x = w - 1; x >= 0; x--) for (let y = h - 1; y >= 0; y--) read[y * w + x] = at(x, y);
      expect(read).toEqual(plane.data);
    },
  );

  it.each([
    [123, 97, 0.6],
    [203, 150, 40],
  ])(
    "divideByLocalRms on %i×%i (floor %f) equals v / max(floor, √(reference mean of capped squares))",
    (w, h, floor) => {
      const { values, mask } = fixture(w, h, 7 + w);
      const cap = 30 ** 2;
      const sq = makePlane(w, h);
      for (let i = 0; i < sq.data.length; i++) sq.data[i] = Math.min(cap, (values.data[i] ?? 0) ** 2);
      const ms = maskedBlurReference(sq, mask, 24);
      const expected = makePlane(w, h);
      const expectedRms = makePlane(w, h);
      for (let i = 0; i < expected.data.length; i++) {
        expectedRms.data[i] = Math.max(floor, Math.sqrt(Math.max(0, ms.data[i] ?? 0)));
        expected.data[i] = (values.data[i] ?? 0) / (expectedRms.data[i] ?? 1);
      }
      const rms = new Float32Array(w * h);
      const fused = divideByLocalRms(
        values,
        smallMaskedSquaresBlur(values, mask, cap, 24),
        smallMaskWeight(smallMask(mask, w, h), 24),
        cap,
        floor,
        rms,
      );
      expect(fused.data).toEqual(expected.data);
      expect(rms).toEqual(expectedRms.data);
    },
  );

  it("keeps a pixel with no masked pixel nearby as its own background", () => {
    const { values } = fixture(64, 64, 3);
    const empty = new Uint8Array(64 * 64);
    const out = contrastToBackground(
      values,
      smallMaskedBlur(values, empty, 12),
      smallMaskWeight(smallMask(empty, 64, 64), 12),
      1,
    );
    expect(Array.from(out.data).every((v) => v === 0)).toBe(true);
  });

  it("blurLargeAt reads blurLarge's plane at every pixel, bit for bit", () => {
    const { values } = fixture(157, 131, 11);
    const plane = blurLarge(values, 16);
    const at = blurLargeAt(values, 16);
    const read = makePlane(157, 131);
    for (let y = 0; y < 131; y++) for (let x = 0; x < 157; x++) read.data[y * 157 + x] = at(x, y);
    expect(read.data).toEqual(plane.data);
  });
});
