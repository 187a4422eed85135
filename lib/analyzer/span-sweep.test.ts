import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { sweepBoxPasses } from "./box-sweep";
import { makePlane, type Plane } from "./planes";
import { growSpans, type RowSpans } from "./row-spans";
import { sweepBoxPassesInSpans } from "./span-sweep";

/** Values with a face plane's spread, some tiny: the running sums must stay exact on them. */
function noise(width: number, height: number, seed: number): Plane {
  const rng = makeSeededRandom(seed);
  const p = makePlane(width, height);
  for (let i = 0; i < p.data.length; i++) p.data[i] = 100 * (rng() - 0.5) * (rng() < 0.1 ? 1e-3 : 1);
  return p;
}

/** Random spans: some rows empty, widths jumping from row to row, some reaching either edge. */
function randomSpans(width: number, height: number, seed: number): RowSpans {
  const rng = makeSeededRandom(seed);
  const lo = new Int32Array(height);
  const hi = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    if (rng() < 0.15) continue;
    const a = rng() < 0.2 ? 0 : Math.floor(rng() * width);
    lo[y] = a;
    hi[y] = rng() < 0.2 ? width : a + 1 + Math.floor(rng() * (width - a));
  }
  return { lo, hi };
}

/** An oval's spans, as a face mask's are. */
function ovalSpans(width: number, height: number): RowSpans {
  const lo = new Int32Array(height);
  const hi = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    const t = (y + 0.5) / height - 0.5;
    const half = Math.sqrt(Math.max(0, 0.2 - t * t)) * width;
    lo[y] = Math.max(0, Math.round(width / 2 - half));
    hi[y] = Math.min(width, Math.round(width / 2 + half));
  }
  return { lo, hi };
}

describe("sweepBoxPassesInSpans", () => {
  it.each([
    ["random", 97, 61, 2, 3],
    ["random", 40, 130, 5, 3],
    ["random", 33, 80, 6, 1],
    ["random", 64, 64, 3, 2],
    ["random", 7, 20, 4, 3],
    ["oval", 120, 150, 2, 3],
    ["oval", 120, 150, 3, 1],
  ])(
    "%s spans on %i×%i, r %i, %i passes: the whole-plane sweep's bits there, the rest untouched",
    (kind, w, h, r, passes) => {
      const src = noise(w, h, w * 31 + h + r);
      const spans = kind === "oval" ? ovalSpans(w, h) : randomSpans(w, h, w + 7 * h + r);
      const whole = new Float32Array(w * h);
      sweepBoxPasses(src.data, w, h, r, passes, whole);
      const out = new Float32Array(w * h).fill(-7);
      sweepBoxPassesInSpans(src.data, w, h, r, passes, out, spans);
      const expected = new Float32Array(w * h).fill(-7);
      for (let y = 0; y < h; y++)
        for (let x = spans.lo[y] as number; x < (spans.hi[y] as number); x++)
          expected[y * w + x] = whole[y * w + x] as number;
      expect(Array.from(out)).toEqual(Array.from(expected));
      // In place, as the analyzer's callers blur.
      const inPlace = src.data.slice();
      sweepBoxPassesInSpans(inPlace, w, h, r, passes, inPlace, spans);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const inSpan = x >= (spans.lo[y] as number) && x < (spans.hi[y] as number);
          // Inside the spans the whole sweep's values; outside them the source, untouched.
          expect(inPlace[y * w + x]).toBe(inSpan ? whole[y * w + x] : src.data[y * w + x]);
        }
    },
  );

  it("growSpans is, per row, the hull of the spans within r rows, widened by r each side", () => {
    const [w, h, r] = [30, 25, 3];
    const spans = randomSpans(w, h, 5);
    const grownSpans = growSpans(spans, w, h, r);
    for (let y = 0; y < h; y++) {
      let a = w;
      let b = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++)
        if ((spans.lo[k] as number) < (spans.hi[k] as number)) {
          a = Math.min(a, Math.max(0, (spans.lo[k] as number) - r));
          b = Math.max(b, Math.min(w, (spans.hi[k] as number) + r));
        }
      if (a >= b) expect(grownSpans.lo[y]).toBeGreaterThanOrEqual(grownSpans.hi[y] as number);
      else expect([grownSpans.lo[y], grownSpans.hi[y]]).toEqual([a, b]);
    }
  });
});
