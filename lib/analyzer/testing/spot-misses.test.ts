import { describe, expect, it } from "vitest";
import { makePlane } from "../planes";
import { plantFirstCleanSelfie } from "./planted-signals";
import { causeOfMiss, falseFindingPlace, strongestWithin, type SpotScene } from "./spot-misses";

const W = 20;
const SPOT = { x: 10.5, y: 10.5, r: 2 };
const REACH = 6;
const at = (x: number, y: number) => y * W + x;

/** A 20×20 window of skin: z 0 everywhere, L* at the median, no findings and no candidates. */
function scene(overrides: Partial<SpotScene> = {}): SpotScene {
  return {
    z: makePlane(W, W),
    mask: new Uint8Array(W * W).fill(1),
    hair: new Uint8Array(W * W),
    L: new Float32Array(W * W).fill(60),
    medianL: 60,
    darkBelow: 28,
    darkSpots: [],
    redLesions: [],
    candidates: [],
    threshold: 0.6,
    candidatePeak: 2,
    ...overrides,
  };
}

/** The same window with z = 3 at the spot's centre pixel: above the candidate peak. */
function withPeak(overrides: Partial<SpotScene> = {}): SpotScene {
  const s = scene(overrides);
  s.z.data[at(10, 10)] = 3;
  return s;
}

describe("causeOfMiss", () => {
  it("names the stage that lost the spot, first stage first", () => {
    const cases: Array<[string, SpotScene, string]> = [
      ["a dark finding within reach", scene({ darkSpots: [{ x: 13, y: 12 }] }), "found"],
      ["a red finding within reach", scene({ redLesions: [{ x: 11, y: 9 }] }), "found as red"],
      ["a candidate turned down", withPeak({ candidates: [{ x: 10.5, y: 10.5, confidence: 0.3 }] }), "classifier"],
      ["a candidate accepted but not kept", withPeak({ candidates: [{ x: 11, y: 10, confidence: 0.8 }] }), "overlap"],
      ["z under the candidate peak", scene(), "below the candidate peak"],
      [
        "its peak on the beard",
        withPeak({ mask: new Uint8Array(W * W), hair: new Uint8Array(W * W).fill(1) }),
        "outside the mask (beard)",
      ],
      [
        "its peak far darker than the skin",
        withPeak({ mask: new Uint8Array(W * W), L: new Float32Array(W * W).fill(30) }),
        "outside the mask (too dark: hair, frames)",
      ],
      [
        "its peak outside the zones",
        withPeak({ mask: new Uint8Array(W * W) }),
        "outside the mask (zones, feature cut-outs)",
      ],
      ["a peak on the mask and no candidate", withPeak(), "no local peak"],
    ];
    for (const [what, s, cause] of cases) expect(causeOfMiss(s, SPOT, REACH), what).toBe(cause);
  });

  it("ignores findings and candidates beyond the match reach", () => {
    const s = scene({ darkSpots: [{ x: 18, y: 18 }], candidates: [{ x: 1, y: 1, confidence: 0.9 }] });
    expect(causeOfMiss(s, SPOT, REACH)).toBe("below the candidate peak");
  });
});

describe("strongestWithin", () => {
  it("finds the highest z inside the radius and nothing outside it", () => {
    const z = makePlane(W, W);
    z.data[at(11, 10)] = 2.5;
    z.data[at(16, 10)] = 9;
    expect(strongestWithin(z, 10.5, 10.5, 2)).toEqual({ index: at(11, 10), z: 2.5 });
    expect(strongestWithin(z, 10.5, 10.5, 6).index).toBe(at(16, 10));
  });
});

describe("plantedSignals (what npm run diagnose:spots measures on)", () => {
  it("puts each planted spot on its own rise in darkness over the unplanted photo, and none beside it", async () => {
    const { photo, signals: p, rise } = await plantFirstCleanSelfie("dDark");
    const { spots } = photo;
    expect(spots).toHaveLength(6);
    for (const spot of spots) {
      const at = p.toWindow(spot);
      // Measured on sample2-face1: 8.8–17.3 on the spots, under 1 at 40 px beside them.
      expect(strongestWithin(rise, at.x, at.y, at.r).z).toBeGreaterThan(5);
      expect(strongestWithin(rise, at.x + 40, at.y, at.r).z).toBeLessThan(2);
    }
  }, 120_000);
});

describe("falseFindingPlace", () => {
  const around = { own: [], lesions: [], reach: REACH, edge: 4 };
  const F = { x: 10.5, y: 10.5, r: 0 };
  /** The window with column 14 (4 px from the finding's centre pixel, 10) set in `key`, or its L* at `L`. */
  function column(key: "hair" | "mask", L?: number): SpotScene {
    const s = scene();
    for (let y = 0; y < W; y++) {
      if (key === "hair") s.hair[at(14, y)] = 1;
      else s.mask[at(14, y)] = 0;
      if (L !== undefined) s.L[at(14, y)] = L;
    }
    return s;
  }
  it("names where a false finding sits, own features and planted red lesions first", () => {
    const cases: Array<[string, SpotScene, Parameters<typeof falseFindingPlace>[2], string]> = [
      ["the unplanted photo had it", column("hair"), { ...around, own: [{ x: 14, y: 10, r: 2 }] }, "own feature"],
      [
        "a planted red lesion",
        column("hair"),
        { ...around, lesions: [{ x: 18, y: 10, r: 3 }] },
        "on a planted red lesion",
      ],
      ["stubble 4 px away", column("hair"), around, "beard or stubble edge"],
      ["a brow 4 px away", column("mask", 20), around, "brow, hairline or frames edge"],
      ["a nostril 4 px away", column("mask"), around, "mask edge (eye, lip, nostril)"],
      ["nothing within 4 px", scene(), around, "open skin"],
      ["stubble 4 px away, edge 3 px", column("hair"), { ...around, edge: 3 }, "open skin"],
    ];
    for (const [what, s, a, place] of cases) expect(falseFindingPlace(s, F, a), what).toBe(place);
    // The edge is measured from the finding's rim: stubble 4 px from the centre is 2 px from a 2 px spot's rim.
    expect(falseFindingPlace(column("hair"), { ...F, r: 2 }, { ...around, edge: 3 })).toBe("beard or stubble edge");
  });
});
