import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { downsample, gaussianBlur, makePlane } from "./planes";
import { regionLabel, type SkinContext } from "./skin-context";
import { measureTexture } from "./surface";

/**
 * A window of noisy lightness whose cheeks and nose fill only a band of rows (rows0..rows1), with holes in the skin
 * mask, and forehead and chin skin above and below the band that the texture must not count.
 */
function windowWithBand(width: number, height: number, rows0: number, rows1: number, seed: number): SkinContext {
  const rng = makeSeededRandom(seed);
  const L = makePlane(width, height);
  const labels = new Uint8Array(width * height);
  const skin = new Uint8Array(width * height);
  const [forehead, left, right, nose, chin] = (["forehead", "leftCheek", "rightCheek", "nose", "chin"] as const).map(
    regionLabel,
  ) as [number, number, number, number, number];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // Coarse and fine structure, so the band-pass has something to read.
      L.data[i] = 60 + 8 * Math.sin(x / 9) * Math.cos(y / 13) + 6 * (rng() - 0.5);
      if (x < 4 || x >= width - 4) continue;
      labels[i] = y < rows0 ? forehead : y > rows1 ? chin : x < width / 3 ? left : x < (2 * width) / 3 ? nose : right;
      skin[i] = rng() > 0.1 ? 1 : 0;
    }
  }
  const empty = makePlane(width, height);
  const lab = { L, a: empty, b: empty, ei: empty, logY: empty };
  return { width, height, labels, skin, lab } as unknown as SkinContext;
}

/** measureTexture as it was before it blurred only the counted rows: whole-plane blurs, every row scanned. */
function wholePlaneTexture(ctx: SkinContext): number {
  const small = downsample(ctx.lab.L, 2);
  const fine = gaussianBlur(small, 1);
  const coarse = gaussianBlur(small, 3);
  const want = new Set(["leftCheek", "rightCheek", "nose"].map((n) => regionLabel(n as "nose")));
  let acc = 0;
  let n = 0;
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      const i = 2 * y * ctx.width + 2 * x;
      if (!ctx.skin[i] || !want.has(ctx.labels[i] ?? 0)) continue;
      const d = (fine.data[y * small.width + x] ?? 0) - (coarse.data[y * small.width + x] ?? 0);
      acc += d * d;
      n++;
    }
  }
  return n > 0 ? Math.sqrt(acc / n) : 0;
}

describe("measureTexture", () => {
  it.each([
    [120, 160, 50, 110, 1],
    [97, 131, 0, 40, 2],
    [88, 90, 60, 89, 3],
    [64, 64, 30, 31, 4],
  ])(
    "blurs only the cheek and nose rows and reads what whole-plane blurs read (%i × %i, rows %i–%i)",
    (w, h, r0, r1, seed) => {
      const ctx = windowWithBand(w, h, r0, r1, seed);
      const got = measureTexture(ctx);
      expect(got).toBeGreaterThan(0);
      expect(got).toBe(wholePlaneTexture(ctx));
    },
  );

  it("is 0 with no cheek or nose skin", () => {
    const ctx = windowWithBand(40, 40, 10, 20, 5);
    ctx.skin.fill(0);
    expect(measureTexture(ctx)).toBe(0);
  });
});
