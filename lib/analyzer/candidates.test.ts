import { describe, expect, it } from "vitest";
import { MODELS, acceptCandidates, probability, type CandidateModel } from "./candidate-model";
import { FEATURE_NAMES, lesionMask } from "./candidates";
import { makePlane } from "./planes";

/** A 40×40 patch of skin at L* 60 with a 20 px wide cut-out (an eye, say) down its left edge. */
function patch() {
  const width = 40;
  const height = 40;
  const L = makePlane(width, height);
  const faceSkin = new Uint8Array(width * height);
  for (let i = 0; i < L.data.length; i++) {
    const x = i % width;
    L.data[i] = x < 20 ? 80 : 60;
    faceSkin[i] = x >= 20 ? 1 : 0;
  }
  const ctx = { width, height, faceSkin, median: { L: 60 }, lab: { L } };
  /** Darkens a square and takes it out of the skin, as buildSkinContext does with anything ≥ 28 L* darker. */
  const darkHole = (x0: number, y0: number, side: number) => {
    for (let y = y0; y < y0 + side; y++)
      for (let x = x0; x < x0 + side; x++) {
        L.data[y * width + x] = 25;
        faceSkin[y * width + x] = 0;
      }
  };
  return { ctx, darkHole };
}

describe("lesionMask", () => {
  it("gives back a strong lesion's dark hole in the skin mask", () => {
    const { ctx, darkHole } = patch();
    darkHole(28, 10, 4);
    expect(lesionMask(ctx)[12 * 40 + 30]).toBe(1);
  });

  it("leaves out dark pixels that run into a cut-out or the edge (brows, hair)", () => {
    const { ctx, darkHole } = patch();
    darkHole(20, 10, 4);
    darkHole(30, 0, 4);
    const mask = lesionMask(ctx);
    expect(mask[12 * 40 + 21]).toBe(0);
    expect(mask[1 * 40 + 31]).toBe(0);
  });

  it("gives the same mask after a larger window has filled the shared queue", () => {
    const { ctx, darkHole } = patch();
    darkHole(28, 10, 4);
    darkHole(30, 0, 4);
    const first = Uint8Array.from(lesionMask(ctx));
    // A larger window: skin round a dark square too big to be a hole, whose fill writes 4,900 queue entries.
    const big = 90;
    const L = makePlane(big, big);
    const faceSkin = new Uint8Array(big * big);
    for (let i = 0; i < big * big; i++) {
      const [x, y] = [i % big, Math.floor(i / big)];
      const inSquare = x >= 10 && x < 80 && y >= 10 && y < 80;
      faceSkin[i] = inSquare ? 0 : 1;
      L.data[i] = inSquare ? 20 : 60;
    }
    expect(lesionMask({ width: big, height: big, faceSkin, median: { L: 60 }, lab: { L } })[45 * big + 45]).toBe(0);
    expect(Uint8Array.from(lesionMask(ctx))).toEqual(first);
    expect(first[12 * 40 + 30]).toBe(1);
  });

  it("leaves out a dark region whose only way out runs through rows without skin (a hairline above)", () => {
    const { ctx, darkHole } = patch();
    for (let x = 20; x < 40; x += 4) darkHole(x, 0, 4); // the top 4 rows: dark hair, no skin
    darkHole(28, 10, 4);
    for (let y = 4; y < 10; y++) darkHole(29, y, 1); // a 1 px dark strand joins the hole to the hair
    expect(lesionMask(ctx)[12 * 40 + 30]).toBe(0);
  });
});

describe("candidate classifier", () => {
  it("is fitted on the features the analyzer computes", () => {
    for (const model of [MODELS.red, MODELS.dark]) {
      expect(model.features).toEqual(FEATURE_NAMES);
      expect(model.trees.length).toBeGreaterThan(10);
      expect(model.threshold).toBeGreaterThan(0);
      expect(model.threshold).toBeLessThan(1);
    }
  });

  it("rates a strong round red blob above a faint one", () => {
    const feature = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
    const faint = FEATURE_NAMES.map(() => 0);
    const strong = [...faint];
    for (const [name, weak, bold] of [
      ["peak", 2.3, 8],
      ["zEi", 2, 7],
      ["zDark", 0.5, 4],
      ["zHb", 2.3, 8],
      ["dEi", 1, 12],
      ["dDark", 0.5, 12],
      ["discZ", 1.5, 6],
      ["logArea", Math.log(8), Math.log(40)],
      ["elongation", 1.2, 1.2],
      ["skinAround", 1, 1],
      ["odG", 0.01, 0.2],
      ["odB", 0.01, 0.12],
      ["odR", 0.005, 0.04],
      ["noiseEi", 1, 1],
      ["noiseDark", 1, 1],
      ["cheek", 1, 1],
      // The same blob at its own scale (lesion-scale.ts): a bold one stands far out of the annulus' texture.
      ["hbZ1", 1, 6],
      ["hbZ2", 1, 5],
      ["hbD1", 5, 40],
      ["hbSize", 1, 1],
      ["hbCos1", 0.9, 0.97],
      ["hbAcross1", 0.5, 0.5],
      ["peakCurv", 0.1, 0.1],
    ] as const) {
      faint[feature(name)] = weak;
      strong[feature(name)] = bold;
    }
    expect(probability(MODELS.red, strong)).toBeGreaterThan(MODELS.red.threshold);
    expect(probability(MODELS.red, strong)).toBeGreaterThan(probability(MODELS.red, faint));
  });

  it("keeps one finding where two accepted maxima overlap, the more confident", () => {
    const model: CandidateModel = {
      features: FEATURE_NAMES,
      threshold: 0.5,
      base: 0,
      trees: [{ feature: 0, threshold: 0.5, left: { value: -2 }, right: { value: 2 } }],
    };
    const at = (x: number, f0: number) => ({ x, y: 10, r: 3, features: [f0] });
    const kept = acceptCandidates(model, [at(10, 1), at(12, 1), at(30, 1), at(50, 0)]);
    expect(kept.map((k) => k.x)).toEqual([10, 30]);
  });
});
