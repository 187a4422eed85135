import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { spansAround, spansOf, unionSpans, zeroOutside } from "./row-spans";

/** Every pixel within `reach` (Chebyshev) of a set pixel, by brute force. */
function near(mask: Uint8Array, w: number, h: number, reach: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      for (let v = Math.max(0, y - reach); v <= Math.min(h - 1, y + reach); v++)
        for (let u = Math.max(0, x - reach); u <= Math.min(w - 1, x + reach); u++) out[v * w + u] = 1;
    }
  return out;
}

describe("spansAround", () => {
  it.each([0, 1, 3, 7])("holds every pixel within %i px of the mask, each row from its first to its last", (reach) => {
    const w = 40;
    const h = 30;
    const rng = makeSeededRandom(reach + 1);
    const mask = new Uint8Array(w * h);
    // Two blobs with empty rows between them and a row touching the edge.
    for (let i = 0; i < 25; i++) mask[(3 + Math.floor(rng() * 6)) * w + 5 + Math.floor(rng() * 10)] = 1;
    for (let i = 0; i < 25; i++) mask[(20 + Math.floor(rng() * 10)) * w + 25 + Math.floor(rng() * 15)] = 1;
    const want = near(mask, w, h, reach);
    const { lo, hi } = spansAround(mask, w, h, reach);
    for (let y = 0; y < h; y++) {
      const row = Array.from(want.subarray(y * w, (y + 1) * w));
      const first = row.indexOf(1);
      if (first < 0) expect(lo[y]).toBeGreaterThanOrEqual(hi[y] as number);
      else expect([lo[y], hi[y]]).toEqual([first, row.lastIndexOf(1) + 1]);
    }
  });

  it("zeroOutside clears a row's pixels outside its span and a whole row with none", () => {
    const data = new Float32Array(12).fill(5);
    const spans = { lo: Int32Array.of(1, 0), hi: Int32Array.of(4, 0) };
    zeroOutside(data, spans, 6, 0);
    zeroOutside(data, spans, 6, 1);
    expect(Array.from(data)).toEqual([0, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("spansOf keeps rows y0..y1 only, and unionSpans holds both masks' pixels row by row", () => {
    const w = 8;
    const mask = (cells: Array<[number, number]>) => {
      const m = new Uint8Array(w * 4);
      for (const [x, y] of cells) m[y * w + x] = 1;
      return m;
    };
    const a = mask([
      [2, 0],
      [5, 0],
      [1, 2],
    ]);
    const b = mask([
      [6, 0],
      [3, 1],
      [0, 3],
    ]);
    expect(Array.from(spansOf(a, w, 4, 1, 3).lo)).toEqual([0, 0, 1, 0]);
    expect(Array.from(spansOf(a, w, 4, 1, 3).hi)).toEqual([0, 0, 2, 0]);
    const u = unionSpans(spansOf(a, w, 4), spansOf(b, w, 4));
    // Row 0 from both (2..6), row 1 from b alone, row 2 from a alone, row 3 from b alone.
    expect(Array.from(u.lo)).toEqual([2, 3, 1, 0]);
    expect(Array.from(u.hi)).toEqual([7, 4, 2, 1]);
  });
});
