import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import type { SkinReport } from "../domain/skin-report";
import { cast } from "./testing/lighting";
import { encodeJpeg, loadCleanSelfies } from "./testing/selfies";
import { twoColourLight } from "./testing/two-colour-light";

beforeAll(warmUp);

const rednessOf = (r: SkinReport) => {
  if (!r.scores) throw new Error(`gated: ${r.quality.issues.map((i) => i.code).join(",")}`);
  return r.scores.redness;
};

describe("redness under lights of two colours", () => {
  it("is not measurable when the light's colour changes across the face, and still read under one coloured light", async () => {
    const [s] = await loadCleanSelfies();
    if (!s) throw new Error("no selfie");
    const base = await encodeJpeg(s.image);
    const white = rednessOf(await analyzeImage(base));
    expect(white.grade).not.toBeNull();
    // Red from the left, blue from the right: redness read 13.1 → 3.1 (grade 2 → 0) before it was refused.
    const neon = rednessOf(await analyzeImage(await twoColourLight("red", "blue")(base)));
    expect(neon.grade).toBeNull();
    expect(neon.limitedBy).toBe("light");
    const oneSide = rednessOf(await analyzeImage(await twoColourLight("red", "white")(base)));
    expect(oneSide.grade).toBeNull();
    // One warm light over the whole face is corrected away, not refused.
    const warm = rednessOf(await analyzeImage(await cast("warm")(base)));
    expect(warm.grade).toBe(white.grade);
    expect(Math.abs(warm.raw - white.raw)).toBeLessThan(1);
  });
});
