import { describe, expect, it } from "vitest";
import type { CandidateModel } from "../candidate-model";
import { FEATURE_NAMES } from "../candidates";
import { lesionsTurnedSpots, scoreSwingByFeature, unrepeatedFindings, type ShotCandidate } from "./reshoot-causes";

const SKIN_AROUND = FEATURE_NAMES.indexOf("skinAround");
const at = (x: number, probability: number, kept: boolean, more: Partial<ShotCandidate> = {}): ShotCandidate => {
  const features = FEATURE_NAMES.map(() => 0);
  features[SKIN_AROUND] = 1;
  return { x, y: 50, r: 3, features, probability, kept, ...more };
};

describe("unrepeatedFindings", () => {
  const ref = [at(10, 0.7, true), at(40, 0.7, true), at(70, 0.9, true), at(100, 0.8, true), at(130, 0.8, true)];
  const again = [
    at(11, 0.65, true), // repeated: kept within reach
    at(41, 0.52, false), // scored just under the threshold
    at(71, 0.2, false), // scored far under it
    at(101, 0.8, false, { underRed: true }),
    at(131, 0.7, false), // accepted, a neighbour stood for it
  ];

  it.each([
    [40, "classifier, near its threshold"],
    [70, "classifier, far from it"],
    [100, "under a red finding"],
    [130, "merged"],
  ] as const)("names the cause of the finding at x = %i: %s", (x, cause) => {
    const lost = unrepeatedFindings(ref, again, 0.6, 3);
    expect(lost.find((u) => u.finding.x === x)?.cause).toBe(cause);
    expect(lost.some((u) => u.finding.x === 10)).toBe(false);
  });

  it("says no candidate when nothing is within reach, and marks findings at the mask's edge", () => {
    const edge = at(10, 0.9, true);
    const features = [...edge.features];
    features[SKIN_AROUND] = 0.5;
    const [lost] = unrepeatedFindings([{ ...edge, features }], [at(20, 0.9, true)], 0.6, 3);
    expect(lost).toMatchObject({ cause: "no candidate", atEdge: true });
  });
});

describe("scoreSwingByFeature", () => {
  it("puts the swing on the feature a split reads", () => {
    const z = FEATURE_NAMES.indexOf("zHb");
    const model: CandidateModel = {
      features: FEATURE_NAMES,
      threshold: 0.5,
      base: 0,
      trees: [{ feature: z, threshold: 3, left: { value: -2 }, right: { value: 2 } }],
    };
    const a = FEATURE_NAMES.map(() => 0);
    a[z] = 3.2;
    const b = FEATURE_NAMES.map(() => 1);
    b[z] = 2.8;
    const swing = scoreSwingByFeature(model, a, b);
    expect(swing.zHb).toBeGreaterThan(0.7);
    expect(swing.peak).toBe(0);
  });
});

describe("lesionsTurnedSpots", () => {
  it("counts the re-shot's kept spots on the reference's kept lesions, and no others", () => {
    const refRed = [at(10, 0.9, true), at(40, 0.4, false), at(70, 0.9, true)];
    const againDark = [
      at(11, 0.8, true), // on a kept lesion: taken
      at(41, 0.8, true), // on a candidate the red model turned down: a spot of its own
      at(71, 0.8, false), // on a kept lesion but not kept itself
      at(100, 0.8, true), // nowhere near a lesion
    ];
    expect(lesionsTurnedSpots(refRed, againDark, 2).map((d) => d.x)).toEqual([11]);
  });
});
