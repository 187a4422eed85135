import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { percentile, robustMedian, robustStats } from "./planes";

/** The plain definition: every step-th masked value, sorted numerically with a comparator. */
function reference(values: Float32Array, mask: Uint8Array): { median: number; sigma: number } {
  const step = Math.max(1, Math.floor(values.length / 8_000));
  const picked: number[] = [];
  for (let i = 0; i < values.length; i += step) if (mask[i]) picked.push(values[i] ?? 0);
  if (picked.length === 0) return { median: 0, sigma: 0 };
  picked.sort((a, b) => a - b);
  const median = picked[picked.length >> 1] ?? 0;
  const dev = picked.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
  return { median, sigma: 1.4826 * (dev[dev.length >> 1] ?? 0) };
}

describe("robust statistics on typed-array sorts", () => {
  // Values of mixed sign and magnitude: a lexicographic sort (Array#sort without a comparator) would put
  // -10 before -2 and 10 before 9, and fail here.
  it.each([
    [50_000, 1],
    [287_000, 2],
    [1_000, 3],
  ])("robustStats and robustMedian over %i values equal the comparator-sort definition", (n, seed) => {
    const rng = makeSeededRandom(seed);
    const values = new Float32Array(n);
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      values[i] = (rng() - 0.4) * 10 ** Math.floor(rng() * 4);
      mask[i] = rng() > 0.3 ? 1 : 0;
    }
    const expected = reference(values, mask);
    expect(robustStats(values, mask)).toEqual(expected);
    expect(robustMedian(values, mask)).toBe(expected.median);
  });

  it("gives zeros for an empty mask", () => {
    expect(robustStats(new Float32Array(100), new Uint8Array(100))).toEqual({ median: 0, sigma: 0 });
    expect(robustMedian(new Float32Array(100), new Uint8Array(100))).toBe(0);
  });

  it("percentile sorts numerically", () => {
    expect(percentile([10, 9, -2, -10, 100, 1], 0)).toBe(-10);
    expect(percentile([10, 9, -2, -10, 100, 1], 100)).toBe(100);
    expect(percentile([10, 9, -2, -10, 100, 1], 50)).toBe(9);
  });
});
