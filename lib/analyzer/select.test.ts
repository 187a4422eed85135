import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { selectedPercentile, sortedPercentile } from "./planes";
import { selectNth } from "./select";

function sample(n: number, seed: number, levels: number): Float64Array {
  const rng = makeSeededRandom(seed);
  // Few levels make many ties, as quantised gradients do.
  return Float64Array.from({ length: n }, () => Math.floor(rng() * levels) / levels - 0.5);
}

describe("selectNth", () => {
  it.each([
    [1, 1, 1000],
    [7, 2, 3],
    [1000, 3, 5],
    [1000, 4, 1e6],
    [20_001, 5, 17],
  ])("gives the sorted array's k-th value at every probed k (n %i, seed %i, %i levels)", (n, seed, levels) => {
    const values = sample(n, seed, levels);
    const sorted = values.slice().sort();
    for (const k of new Set([0, 1, n >> 2, n >> 1, n - 2, n - 1, Math.round(0.99 * n)].filter((v) => v >= 0 && v < n)))
      expect(selectNth(values.slice(), k)).toBe(sorted[k]);
  });

  it("handles sorted, reversed and constant input", () => {
    const up = Float64Array.from({ length: 501 }, (_, i) => i);
    expect(selectNth(up.slice(), 250)).toBe(250);
    expect(selectNth(up.slice().reverse(), 10)).toBe(10);
    expect(selectNth(new Float64Array(300).fill(2), 123)).toBe(2);
  });

  it("is NaN for an index outside the array", () => {
    expect(selectNth(new Float64Array([1, 2]), 2)).toBeNaN();
  });
});

describe("selectedPercentile", () => {
  it("gives sortedPercentile's value for several percentiles taken in turn from one array", () => {
    for (const [n, seed, levels] of [
      [1, 6, 10],
      [2, 7, 10],
      [10_000, 8, 1e6],
    ] as const) {
      const values = sample(n, seed, levels);
      const sorted = values.slice().sort();
      // In turn on the same array, as measurePhotometry takes them: each selection reorders it.
      for (const p of [98, 1, 99.5, 0, 50, 100])
        expect(selectedPercentile(values, p)).toBe(sortedPercentile(sorted, p));
    }
    expect(selectedPercentile(new Float64Array(0), 50)).toBe(0);
  });
});
