import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { fillBetween, fillPolygon, polygonRowRange } from "./mesh-regions";

/** What the detection zones' per-pixel loop marked: x with lo < x < hi, on a row of `width`. */
function perPixel(width: number, lo: number, hi: number): number[] {
  const out = new Array<number>(width).fill(0);
  for (let x = 0; x < width; x++) if (x > lo && x < hi) out[x] = 1;
  return out;
}

describe("fillBetween", () => {
  it("marks exactly the pixels the per-pixel comparisons mark, on whole, half and random bounds", () => {
    const rng = makeSeededRandom(11);
    const width = 40;
    const bounds = [
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      -3,
      -0.5,
      0,
      0.5,
      1,
      7,
      39,
      39.5,
      40,
      55,
    ];
    for (let k = 0; k < 300; k++) bounds.push((rng() - 0.2) * 50, Math.round((rng() - 0.2) * 100) / 2);
    let marked = 0;
    for (const lo of bounds)
      for (const hi of bounds) {
        const mask = new Uint8Array(3 * width);
        fillBetween(mask, width, width, lo, hi);
        const want = perPixel(width, lo, hi);
        expect(Array.from(mask.subarray(width, 2 * width))).toEqual(want);
        // Only its own row.
        expect(mask.subarray(0, width).every((v) => v === 0) && mask.subarray(2 * width).every((v) => v === 0)).toBe(
          true,
        );
        marked += want.reduce((a, b) => a + b, 0);
      }
    expect(marked).toBeGreaterThan(0);
  });
});

describe("polygonRowRange", () => {
  it("gives the rows a polygon spans, clipped to the plane, and none for a NaN vertex", () => {
    const square = (y0: number, y1: number): Array<[number, number]> => [
      [2, y0],
      [9, y0],
      [9, y1],
      [2, y1],
    ];
    expect(polygonRowRange(square(4.6, 12.2), 30)).toEqual([4, 13]);
    expect(polygonRowRange(square(-5, 40), 30)).toEqual([0, 29]);
    const [first, last] = polygonRowRange(
      [
        [1, 1],
        [5, Number.NaN],
        [9, 9],
      ],
      30,
    );
    expect(first <= last).toBe(false);
    // Above the plane: only row 0 is visited (the bounds start at 0), where nothing is marked.
    expect(polygonRowRange(square(-9, -2), 30)).toEqual([0, 0]);
    // fillPolygon reads the same rows: a row outside the range is never marked.
    const mask = new Uint8Array(30 * 30);
    fillPolygon(mask, 30, 30, square(4.6, 12.2));
    const rows = [...new Set([...mask.keys()].filter((i) => mask[i]).map((i) => Math.floor(i / 30)))];
    expect(Math.min(...rows)).toBe(5);
    expect(Math.max(...rows)).toBe(11);
  });
});
