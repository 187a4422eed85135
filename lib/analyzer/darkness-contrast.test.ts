import { describe, expect, it } from "vitest";
import type { RgbImage } from "./decode";
import { darknessContrast } from "./lesions";
import { smallMask, smallMaskWeight } from "./masked-blur";
import { attenuateAt, HAEMOGLOBIN, MELANIN } from "./testing/plant";

const W = 96;
const skin = new Uint8Array(W * W).fill(1);
/** lesions.ts BACKGROUND_SIGMA. */
const weight = smallMaskWeight(smallMask(skin, W, W), 12);

/** Flat skin of one sRGB colour, with `melanin` absorbance units added, and a haemoglobin disc (r 5 px) in the middle. */
function skinWithLesion(rgb: readonly [number, number, number], melanin: number, absorbance: number): RgbImage {
  const img: RgbImage = { data: new Uint8Array(W * W * 3), width: W, height: W };
  for (let i = 0; i < W * W; i++) img.data.set(rgb, 3 * i);
  attenuateAt(img, MELANIN, () => melanin, [0, 0, W, W]);
  const c = W / 2;
  attenuateAt(img, HAEMOGLOBIN, (x, y) => (Math.hypot(x + 0.5 - c, y + 0.5 - c) <= 5 ? absorbance : 0), [0, 0, W, W]);
  return img;
}

const centre = (img: RgbImage) => darknessContrast(img, skin, weight).data[(W / 2) * W + W / 2] ?? NaN;

describe("darkness contrast of a red lesion across skin tones", () => {
  it("is the same on light skin and on that skin with the evaluation's most added melanin", () => {
    // Light skin (ITA° ≈ 45) and the same skin with 4 melanin units (Beer–Lambert), as the evaluation re-tones it.
    const light = centre(skinWithLesion([224, 180, 158], 0, 0.8));
    const dark = centre(skinWithLesion([224, 180, 158], 4, 0.8));
    expect(light).toBeGreaterThan(20);
    // Within the 8-bit rounding of a green level of 63–78 (6%). Luminance darkness fell by 19% here (25.3 → 20.4):
    // its weights move to red light, which haemoglobin barely absorbs.
    expect(Math.abs(dark - light) / light).toBeLessThan(0.08);
  });
});
