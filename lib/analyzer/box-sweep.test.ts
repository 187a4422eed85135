import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { sweepBoxPasses } from "./box-sweep";
import { makePlane, type Plane } from "./planes";
import { twoPlaneBoxBlur } from "./testing/two-plane-box-blur";

/** Values with a face plane's spread, some tiny: the running sums must stay exact on them. */
function noise(width: number, height: number, seed: number): Plane {
  const rng = makeSeededRandom(seed);
  const p = makePlane(width, height);
  for (let i = 0; i < p.data.length; i++) p.data[i] = 100 * (rng() - 0.5) * (rng() < 0.1 ? 1e-3 : 1);
  return p;
}

/** The reference: the two-plane boxBlur chained `passes` times, each earlier pass over r more rows each side (as gaussianBlur did). */
function chained(src: Plane, r: number, passes: number, from: number, to: number): Float32Array {
  let p = src;
  for (let k = passes - 1; k >= 0; k--) {
    const rows = { from: from - k * r, to: to + k * r };
    p = twoPlaneBoxBlur(p, r, new Float32Array(src.data.length), new Float32Array(src.data.length), rows);
  }
  return p.data.slice(from * src.width, (to + 1) * src.width);
}

describe("sweepBoxPasses", () => {
  it.each([
    [97, 61, 2, 3, 0, 60],
    [40, 130, 5, 3, 0, 129],
    [33, 200, 6, 1, 0, 199],
    [64, 64, 3, 2, 20, 40],
    [140, 100, 2, 3, 75, 99],
    [50, 3, 4, 3, 0, 2],
    [7, 1, 2, 3, 0, 0],
    [8, 30, 4, 3, 5, 20],
    [5, 40, 3, 2, 0, 39],
  ])("%i×%i, r %i, %i passes, rows %i–%i: chained two-plane boxBlur's bits", (w, h, r, passes, from, to) => {
    const src = noise(w, h, w * 31 + h + r);
    const before = src.data.slice();
    const out = new Float32Array(w * h).fill(-7);
    sweepBoxPasses(src.data, w, h, r, passes, out, from, to);
    expect(out.slice(from * w, (to + 1) * w)).toEqual(chained(src, r, passes, from, to));
    expect(src.data).toEqual(before);
    // Rows outside the range are left as they were.
    expect(out.slice(0, from * w).every((v) => v === -7)).toBe(true);
    expect(out.slice((to + 1) * w).every((v) => v === -7)).toBe(true);
  });

  it("in place: the same bits as out of place", () => {
    const src = noise(120, 90, 5);
    const expected = chained(src, 2, 3, 0, 89);
    sweepBoxPasses(src.data, 120, 90, 2, 3, src.data);
    expect(src.data).toEqual(expected);
  });

  it("a larger plane after a smaller one (the scratch grows), then in place over a row range: the same bits", () => {
    const small = noise(30, 20, 8);
    sweepBoxPasses(small.data, 30, 20, 2, 3, new Float32Array(600));
    const large = noise(90, 150, 9);
    const out = new Float32Array(90 * 150);
    sweepBoxPasses(large.data, 90, 150, 3, 3, out);
    expect(out).toEqual(chained(large, 3, 3, 0, 149));
    const before = large.data.slice();
    const expected = chained(large, 2, 3, 40, 70);
    sweepBoxPasses(large.data, 90, 150, 2, 3, large.data, 40, 70);
    expect(large.data.slice(40 * 90, 71 * 90)).toEqual(expected);
    // The source rows outside the range stay as they were, though earlier passes covered 2r more each side.
    expect(large.data.slice(0, 40 * 90)).toEqual(before.slice(0, 40 * 90));
    expect(large.data.slice(71 * 90)).toEqual(before.slice(71 * 90));
  });

  it("blurs: a spike spreads into the triangle-of-boxes profile and keeps its mass", () => {
    const w = 31;
    const src = makePlane(w, w);
    src.data[15 * w + 15] = 1;
    const out = new Float32Array(w * w);
    sweepBoxPasses(src.data, w, w, 1, 2, out);
    // Two 3-wide boxes make the 1-2-3-2-1 / 9 profile each way.
    const row = Array.from(out.slice(15 * w + 13, 15 * w + 18), (v) => Math.round(v * 81));
    expect(row).toEqual([3, 6, 9, 6, 3]);
    expect(out.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
  });
});
