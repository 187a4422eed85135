import { describe, expect, it } from "vitest";
import { FACE_OVAL } from "../mesh-regions";
import { makePlane } from "../planes";
import { plantFirstCleanSelfie } from "./planted-signals";
import { causeOfRedMiss, maskParts, scoreBand, type MaskParts, type RedScene } from "./red-misses";
import { strongestWithin } from "./spot-misses";

const W = 20;
const LESION = { x: 10.5, y: 10.5, r: 2 };
const REACH = 6;
const at = (x: number, y: number) => y * W + x;
const all = () => new Uint8Array(W * W).fill(1);
const none = () => new Uint8Array(W * W);
const parts = (overrides: Partial<MaskParts> = {}): MaskParts => ({
  oval: all(),
  zones: all(),
  cutouts: none(),
  ...overrides,
});

/** A 20×20 window of skin inside every zone: z 0 everywhere, L* at the median, no findings, no candidates. */
function scene(overrides: Partial<RedScene> = {}): RedScene {
  return {
    zRed: makePlane(W, W),
    mask: all(),
    parts: parts(),
    hair: none(),
    L: new Float32Array(W * W).fill(60),
    medianL: 60,
    darkBelow: 28,
    redFindings: [],
    darkSpots: [],
    candidates: [],
    threshold: 0.5,
    candidatePeak: 2.2,
    border: 3,
    ...overrides,
  };
}

/** The same window with z = 3 at the lesion's centre pixel: above the candidate peak. */
function withPeak(overrides: Partial<RedScene> = {}): RedScene {
  const s = scene(overrides);
  s.zRed.data[at(10, 10)] = 3;
  return s;
}

describe("causeOfRedMiss", () => {
  it("names the stage that lost the lesion, first stage first", () => {
    const offMask = { mask: none() };
    const cases: Array<[string, RedScene, string]> = [
      ["a red finding within reach the matching gave away", scene({ redFindings: [{ x: 13, y: 12 }] }), "merged"],
      ["a dark finding within reach", scene({ darkSpots: [{ x: 11, y: 9 }] }), "found as a dark spot"],
      ["a candidate turned down", withPeak({ candidates: [{ x: 10.5, y: 10.5, confidence: 0.3 }] }), "classifier"],
      ["a candidate accepted but not kept", withPeak({ candidates: [{ x: 11, y: 10, confidence: 0.8 }] }), "overlap"],
      ["z under the candidate peak", scene(), "below the candidate peak"],
      [
        "its peak beyond the face outline",
        withPeak({ ...offMask, parts: parts({ oval: none() }) }),
        "outside the mask (face outline)",
      ],
      [
        "its peak between the zones",
        withPeak({ ...offMask, parts: parts({ zones: none() }) }),
        "outside the mask (between the zones)",
      ],
      [
        "its peak in a lip cut-out",
        withPeak({ ...offMask, parts: parts({ cutouts: all() }) }),
        "outside the mask (cut-outs: eyes, brows, lips)",
      ],
      ["its peak on the beard", withPeak({ ...offMask, hair: all() }), "outside the mask (beard, stubble)"],
      [
        "wholly on the beard, where z is not measured (0)",
        scene({ ...offMask, hair: all() }),
        "outside the mask (beard, stubble)",
      ],
      [
        "its peak far darker than the skin",
        withPeak({ ...offMask, L: new Float32Array(W * W).fill(30) }),
        "outside the mask (too dark: hair, brows, frames)",
      ],
      ["a peak on the mask and no candidate", withPeak(), "no local peak"],
    ];
    for (const [what, s, cause] of cases) expect(causeOfRedMiss(s, LESION, REACH, false).cause, what).toBe(cause);
  });

  it("takes the evaluation's verdict first and keeps the classifier's best score", () => {
    expect(causeOfRedMiss(scene(), LESION, REACH, true).cause).toBe("found");
    const s = withPeak({
      candidates: [
        { x: 10, y: 10, confidence: 0.2 },
        { x: 12, y: 11, confidence: 0.35 },
      ],
    });
    expect(causeOfRedMiss(s, LESION, REACH, false)).toEqual({ cause: "classifier", score: 0.35 });
  });

  it("names a peak in the suppression border the window edge, not a lost maximum", () => {
    const s = scene();
    s.zRed.data[at(1, 10)] = 3;
    expect(causeOfRedMiss(s, { x: 1.5, y: 10.5, r: 1 }, REACH, false).cause).toBe("window edge");
  });

  it("ignores findings and candidates beyond the match reach", () => {
    const s = scene({ redFindings: [{ x: 18, y: 18 }], candidates: [{ x: 1, y: 1, confidence: 0.9 }] });
    expect(causeOfRedMiss(s, LESION, REACH, false).cause).toBe("below the candidate peak");
  });
});

describe("maskParts", () => {
  it("draws the detection oval from the face outline, and no cut-out where the features collapse to a point", () => {
    // Every mesh point at the window's centre except the face outline, a circle of radius 9 around it.
    const mesh = Array.from({ length: 468 }, (): [number, number] => [10, 10]);
    FACE_OVAL.forEach((idx, k) => {
      const a = (2 * Math.PI * k) / FACE_OVAL.length;
      mesh[idx] = [10 + 9 * Math.cos(a), 10 + 9 * Math.sin(a)];
    });
    const p = maskParts(mesh, W, W);
    expect(p.oval[at(10, 10)]).toBe(1);
    expect(p.oval[at(0, 0)]).toBe(0);
    expect(p.oval[at(19, 10)]).toBe(0);
    expect(p.cutouts.some(Boolean)).toBe(false);
  });

  it("bands the classifier's scores", () => {
    expect([0.05, 0.2, 0.4, 0.7].map(scoreBand)).toEqual([
      "score < 0.1",
      "score 0.1–0.3",
      "score 0.3–0.5",
      "score ≥ 0.5",
    ]);
  });
});

describe("plantedSignals (what npm run diagnose:red measures on)", () => {
  it("puts most planted red lesions on their own rise in filtered EI over the unplanted photo", async () => {
    const { photo, signals: p, rise } = await plantFirstCleanSelfie("dEi");
    const { lesions } = photo;
    const at = lesions.map((lesion) => p.toWindow(lesion));
    const on = at.map((w) => strongestWithin(rise, w.x, w.y, w.r).z);
    const beside = at.map((w) => strongestWithin(rise, w.x + 40, w.y, w.r).z);
    expect(lesions).toHaveLength(12);
    // Measured on sample2-face1: 10 of 12 rise 2.6–11.5 (the faintest 0.2 and 1.0); beside them mostly under 0.7.
    expect(on.filter((z) => z > 2).length).toBeGreaterThanOrEqual(8);
    expect(beside.filter((z) => z > 2).length).toBeLessThanOrEqual(3);
  }, 120_000);
});
