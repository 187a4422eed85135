import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { boxBlur, gaussianBlur, makePlane, type Plane } from "./planes";

/** Values with a face plane's spread (L*, log luminance, contrasts near 0): the sums must stay exact on them. */
function noise(width: number, height: number, seed: number, scale: number): Plane {
  const rng = makeSeededRandom(seed);
  const p = makePlane(width, height);
  for (let i = 0; i < p.data.length; i++) p.data[i] = scale * (rng() - 0.5) * (rng() < 0.1 ? 1e-3 : 1);
  return p;
}

const rowsOf = (p: Plane, from: number, to: number) => p.data.slice(from * p.width, (to + 1) * p.width);

describe("blurs of some rows", () => {
  it.each([
    [120, 90, 2, 40, 70, 100],
    [33, 200, 6, 0, 17, 1],
    [64, 64, 3, 50, 63, 0.01],
    [80, 150, 1, 149, 149, 7],
  ])("%i×%i, box r %i, rows %i–%i: the same bits as the whole-plane blur there", (w, h, r, from, to, scale) => {
    const src = noise(w, h, w * h + r, scale);
    const whole = boxBlur(src, r);
    const part = boxBlur(src, r, undefined, { from, to });
    expect(rowsOf(part, from, to)).toEqual(rowsOf(whole, from, to));
  });

  it.each([
    [97, 161, 1.5, 60, 120],
    [140, 100, 3, 0, 30],
    [140, 100, 2, 75, 99],
  ])(
    "%i×%i, Gaussian σ %f, rows %i–%i: the same bits as the whole-plane blur, also in place",
    (w, h, sigma, from, to) => {
      const src = noise(w, h, w + h, 100);
      const whole = gaussianBlur(src, sigma);
      expect(rowsOf(gaussianBlur(src, sigma, undefined, { from, to }), from, to)).toEqual(rowsOf(whole, from, to));
      const copy = src.data.slice();
      gaussianBlur({ ...src, data: copy }, sigma, copy, { from, to });
      expect(copy.slice(from * w, (to + 1) * w)).toEqual(rowsOf(whole, from, to));
    },
  );

  it("sums exactly: a 0/1 vote blurred twice is exactly 0 wherever no vote is within reach", () => {
    // A float32 column sum drifted off zero below a block of votes, and `> 0` then marked a streak as hair.
    const w = 40;
    const h = 300;
    const vote = makePlane(w, h);
    for (let y = 20; y < 120; y++) for (let x = 10; x < 30; x++) vote.data[y * w + x] = (x * 7 + y * 3) % 5 < 3 ? 1 : 0;
    const once = boxBlur(vote, 6);
    for (let i = 0; i < once.data.length; i++) once.data[i] = (once.data[i] as number) > 0.5 ? 1 : 0;
    const grown = boxBlur(once, 2).data;
    for (let y = 140; y < h; y++) for (let x = 0; x < w; x++) expect(grown[y * w + x]).toBe(0);
  });
});
