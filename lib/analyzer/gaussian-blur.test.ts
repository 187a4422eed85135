import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { gaussianBlur, makePlane, type Plane } from "./planes";
import { twoPlaneBoxBlur } from "./testing/two-plane-box-blur";

function noise(width: number, height: number, seed: number): Plane {
  const rng = makeSeededRandom(seed);
  const p = makePlane(width, height);
  for (let i = 0; i < p.data.length; i++) p.data[i] = 100 * rng() - 50;
  return p;
}

describe("gaussianBlur's buffer reuse", () => {
  it.each([
    [97, 61, 1.5],
    [40, 130, 3],
  ])("on %i×%i, σ %f: equals three box passes in fresh buffers, out of place and in place", (w, h, sigma) => {
    const src = noise(w, h, w + h);
    const before = src.data.slice();
    const r = Math.max(1, Math.round(Math.sqrt((12 * sigma * sigma) / 3 + 1) / 2));
    const expected = twoPlaneBoxBlur(twoPlaneBoxBlur(twoPlaneBoxBlur(src, r), r), r).data;
    expect(gaussianBlur(src, sigma).data).toEqual(expected);
    expect(src.data).toEqual(before);
    const copy = { ...src, data: src.data.slice() };
    const inPlace = gaussianBlur(copy, sigma, copy.data);
    expect(inPlace.data).toBe(copy.data);
    expect(inPlace.data).toEqual(expected);
  });

  it("blurs: a lone spike spreads and keeps its mass away from the edges", () => {
    const p = makePlane(41, 41);
    p.data[20 * 41 + 20] = 1;
    const out = gaussianBlur(p, 3).data;
    expect(out[20 * 41 + 20]).toBeLessThan(0.05);
    expect(out.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 4);
  });
});
