import { describe, expect, it } from "vitest";
import { applyAffine, invertAffine, resampleAffine, type Affine } from "./affine-crop";
import type { RgbImage } from "./decode";

/** Mid-grey image with a bright 3×3 dot at each point. */
function dots(width: number, height: number, at: ReadonlyArray<[number, number]>): RgbImage {
  const data = new Uint8Array(width * height * 3).fill(60);
  for (const [x, y] of at) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++)
        data.fill(250, 3 * ((y + dy) * width + x + dx), 3 * ((y + dy) * width + x + dx) + 3);
    }
  }
  return { data, width, height };
}

/** Brightness-weighted centre of the pixels above the background within `reach` of (x, y). */
function centroid(img: RgbImage, x: number, y: number, reach: number): [number, number] {
  let sx = 0;
  let sy = 0;
  let sw = 0;
  for (let j = Math.max(0, Math.floor(y - reach)); j <= Math.min(img.height - 1, Math.ceil(y + reach)); j++) {
    for (let i = Math.max(0, Math.floor(x - reach)); i <= Math.min(img.width - 1, Math.ceil(x + reach)); i++) {
      const w = Math.max(0, (img.data[3 * (j * img.width + i)] ?? 0) - 60);
      sx += w * i;
      sy += w * j;
      sw += w;
    }
  }
  return [sx / sw, sy / sw];
}

const similarity = (scale: number, deg: number, e: number, f: number): Affine => {
  const t = (deg * Math.PI) / 180;
  return { a: scale * Math.cos(t), b: scale * Math.sin(t), c: -scale * Math.sin(t), d: scale * Math.cos(t), e, f };
};

describe("resampleAffine: one resampling through a matrix", () => {
  const points: Array<[number, number]> = [
    [120, 90],
    [300, 140],
    [210, 260],
    [90, 300],
  ];
  const img = dots(400, 360, points);

  it.each([
    ["enlarged 1.6× and turned 32°", similarity(1.6, 32, -20.3, 250.7)],
    ["shrunk to 0.55× and turned −47°", similarity(0.55, -47, 120.5, 40.25)],
    ["upright, scaled 1.07×", similarity(1.07, 0, -35.4, -20.6)],
  ])("puts every dot where the matrix sends it (%s)", async (_label, m) => {
    const out = await resampleAffine(img, m, 520, 540);
    expect([out.width, out.height]).toEqual([520, 540]);
    const inside = points
      .map(([x, y]) => applyAffine(m, x, y))
      .filter(([u, v]) => u > 6 && v > 6 && u < 514 && v < 534);
    expect(inside.length).toBeGreaterThanOrEqual(3);
    for (const [u, v] of inside) {
      const [cu, cv] = centroid(out, u, v, 6);
      expect(Math.hypot(cu - u, cv - v), `dot at ${u},${v}`).toBeLessThan(0.6);
    }
  });

  it("repeats the image's edge where the output reaches past it, instead of a fill", async () => {
    const plain: RgbImage = { data: new Uint8Array(200 * 100 * 3).fill(180), width: 200, height: 100 };
    const out = await resampleAffine(plain, similarity(1, 30, 0, 0), 260, 200);
    const values = new Set(out.data);
    expect([...values]).toEqual([180]);
  });

  it("inverts a matrix exactly", () => {
    const m = similarity(1.3, 21, 40, -12);
    const [x, y] = applyAffine(invertAffine(m), ...applyAffine(m, 123.4, 56.7));
    expect(x).toBeCloseTo(123.4, 9);
    expect(y).toBeCloseTo(56.7, 9);
  });
});
