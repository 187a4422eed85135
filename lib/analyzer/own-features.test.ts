import { beforeAll, describe, expect, it } from "vitest";
import { warmUp } from "./index";
import { evaluatePlanted } from "./testing/evaluation";
import { matchWithBaseline } from "./testing/own-features";
import { attenuateAt, cloneImage, MELANIN } from "./testing/plant";
import { precision, precisionExcludingOwn } from "./testing/planted-run";
import { loadCleanSelfies, type Selfie } from "./testing/selfies";

const spot = (x: number, y: number, r = 5) => ({ type: "spot" as const, x, y, r });

describe("own-feature accounting (matchWithBaseline)", () => {
  it.each([
    {
      name: "a finding on a mole the unplanted photo also had is own, not a hit",
      truth: [spot(100, 100)],
      found: [spot(101, 99), spot(300, 300, 4)],
      baseline: [spot(302, 301, 4)],
      want: { tp: 1, fp: 1, fn: 0, own: 1 },
    },
    {
      name: "a false finding the unplanted photo did not have stays a plain false positive",
      truth: [spot(100, 100)],
      found: [spot(300, 300, 4)],
      baseline: [spot(400, 400, 4)],
      want: { tp: 0, fp: 1, fn: 1, own: 0 },
    },
    {
      name: "a planted spot found on top of a baseline feature still counts as found",
      truth: [spot(100, 100)],
      found: [spot(100, 100)],
      baseline: [spot(100, 100)],
      want: { tp: 1, fp: 0, fn: 0, own: 0 },
    },
    {
      name: "one baseline feature explains one finding: a second finding on it is a plain false positive",
      truth: [],
      found: [spot(300, 300, 3), spot(304, 300, 3)],
      baseline: [spot(302, 300, 3)],
      want: { tp: 0, fp: 2, fn: 0, own: 1 },
    },
    {
      name: "the tolerance is the baseline finding's radius + 6 px",
      truth: [],
      found: [spot(300, 310.5, 3)],
      baseline: [spot(300, 300, 4)],
      want: { tp: 0, fp: 1, fn: 0, own: 0 },
    },
  ])("$name", ({ truth, found, baseline, want }) => {
    expect(matchWithBaseline(truth, found, baseline)).toEqual(want);
  });

  it("reports precision both ways: own features count as false in the strict figure only", () => {
    const t = { tp: 6, fp: 4, fn: 2, own: 3 };
    expect(precision(t)).toBeCloseTo(0.6);
    expect(precisionExcludingOwn(t)).toBeCloseTo(6 / 7);
  });
});

describe("own-feature accounting in the planted evaluation", () => {
  let withMole: Selfie;
  let mole: { x: number; y: number };

  beforeAll(async () => {
    await warmUp();
    const face = (await loadCleanSelfies()).find((s) => s.name === "sample3-face2");
    if (!face) throw new Error("no sample3-face2 crop");
    // A natural mole the face "already has": a brown 3.5 mm spot on the left forehead (mesh 108), painted
    // before the evaluation plants anything.
    const [x, y] = face.face.mesh[108] ?? [0, 0];
    mole = { x, y };
    const image = cloneImage(face.image);
    const r = (3.5 / 2) * (face.face.box.width / 135);
    attenuateAt(image, MELANIN, (px, py) => 0.9 * Math.exp(-((px - x) ** 2 + (py - y) ** 2) / (2 * (r / 1.3) ** 2)), [
      Math.floor(x - 3 * r),
      Math.floor(y - 3 * r),
      Math.ceil(x + 3 * r),
      Math.ceil(y + 3 * r),
    ]);
    withMole = { ...face, image };
  });

  it("names the face's own mole as own in the spot tally, so only the strict precision counts it", async () => {
    const [row] = await evaluatePlanted([withMole], 7000, [0]);
    if (!row) throw new Error("no row");
    expect(row.ok).toBe(true);
    expect(row.spots.own ?? 0, `mole at ${mole.x.toFixed(0)},${mole.y.toFixed(0)}`).toBeGreaterThanOrEqual(1);
    expect(row.spots.own ?? 0).toBeLessThanOrEqual(row.spots.fp);
    expect(precisionExcludingOwn(row.spots)).toBeGreaterThan(precision(row.spots));
  });
});
