import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { DEFAULT_BOOST, fitBoosted } from "./boosting";
import { probability } from "../candidate-model";

/**
 * One informative feature whose positives sit in the middle of its range (as planted spots sit between
 * faint noise and hair far darker than any spot in the training set), plus a noise feature.
 */
function midRangeData() {
  const rng = makeSeededRandom(11);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const v = rng() * 10;
    x.push([v, rng()]);
    y.push(v > 3 && v < 6 ? (rng() < 0.9 ? 1 : 0) : rng() < 0.1 ? 1 : 0);
  }
  return { x, y };
}

const along = (model: Parameters<typeof probability>[0]) =>
  Array.from({ length: 41 }, (_, k) => probability(model, [k / 4, 0.5]));

describe("fitBoosted", () => {
  it("learns a mid-range bump without constraints (so the constraint below has something to change)", () => {
    const { x, y } = midRangeData();
    const p = along(fitBoosted(x, y, DEFAULT_BOOST));
    expect(p[18] ?? 0).toBeGreaterThan(0.7);
    expect(p[36] ?? 1).toBeLessThan(0.3);
  });

  it("with a monotone feature, never lowers the probability as that feature rises", () => {
    const { x, y } = midRangeData();
    const p = along(fitBoosted(x, y, { ...DEFAULT_BOOST, monotone: [0] }));
    for (let k = 1; k < p.length; k++) expect(p[k] ?? 0).toBeGreaterThanOrEqual((p[k - 1] ?? 0) - 1e-12);
    expect(p[36] ?? 0).toBeGreaterThan(p[4] ?? 1);
  });

  it("at depth 3 fits a three-feature interaction that depth-2 trees only approximate (recall7; the red model stays at depth 2: see fit-candidate-model.ts)", () => {
    // A lesion-like rule: positive only when three features are all high (contrast, size and tone, say).
    const rng = makeSeededRandom(5);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const r = [rng(), rng(), rng()];
      x.push(r);
      y.push(r.every((v) => v > 0.5) ? 1 : 0);
    }
    const logLoss = (depth: number) => {
      const m = fitBoosted(x, y, { ...DEFAULT_BOOST, depth, rounds: 60 });
      return (
        -x.reduce((s, r, i) => {
          const p = Math.min(1 - 1e-9, Math.max(1e-9, probability(m, r)));
          return s + (y[i] ? Math.log(p) : Math.log(1 - p));
        }, 0) / x.length
      );
    };
    const [two, three] = [logLoss(2), logLoss(3)];
    expect(three).toBeLessThan(0.7 * two);
  });
});
