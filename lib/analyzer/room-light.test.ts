import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { onWall } from "./testing/backdrops";
import { combine } from "./testing/everyday-photos";
import { frontalFill } from "./testing/frontal-fill";
import { cast, exposure } from "./testing/lighting";
import { brightFace, brightFaceTo, lighterSkin } from "./testing/portrait-light";
import { bytes } from "./testing/rgb-io";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./testing/selfies";
import { TONE_CATEGORIES, type SkinReport } from "../domain/skin-report";

/** Light skin in bright light, and a warm wall behind the face: good photos the gate used to refuse. */
let clean: Selfie[] = [];
beforeAll(async () => {
  await warmUp();
  clean = await loadCleanSelfies();
});

const codes = (r: SkinReport) => r.quality.issues.map((i) => i.code);
const group = (r: SkinReport) => TONE_CATEGORIES.indexOf(r.tone?.category ?? "very-light");
const find = (name: string) => {
  const s = clean.find((x) => x.name === name);
  if (!s) throw new Error(`no fixture ${name}`);
  return s;
};
const analyse = async (name: string, make: (j: Uint8Array) => Promise<Uint8Array>) =>
  analyzeImage(await make(await encodeJpeg(find(name).image)));
const blowOut = async (j: Uint8Array) => bytes(await sharp(j).linear(2, 40).jpeg().toBuffer());

describe("light skin in bright light keeps its texture: it is not over-exposed", () => {
  const FACES = ["sample3-face2", "sample6-face1", "sample2-face1"];
  const lighterAndBright = combine(lighterSkin(0.5), brightFace, exposure(1.1));

  it.each(FACES)("passes %s with lighter skin, the cheeks at sRGB luma 0.72 and then +25%", async (name) => {
    const report = await analyse(name, lighterAndBright);
    expect(codes(report)).toEqual([]);
  });

  it.each(FACES)("still refuses %s blown out (×2 + 40) as OVEREXPOSED", async (name) => {
    const report = await analyse(name, combine(lighterSkin(0.5), blowOut));
    expect(codes(report)).toContain("OVEREXPOSED");
  });
});

describe("light skin under a ring light, bright and warm, is not washed out", () => {
  // Before the light-trap rule (GATE.washedOutTraps) the first two were refused OVEREXPOSED: skin 2.8–3.1× its black
  // level, with 0–1% of the skin clipped.
  const FACES = ["sample3-face2", "sample3-face3", "sample3-face1"];
  const ringLit = combine(lighterSkin(0.5), frontalFill(), brightFaceTo(0.8), cast("warm"));

  it.each(FACES)("passes %s with soft frontal light, the cheeks at luma 0.80, +15% and tungsten", async (name) => {
    const report = await analyse(name, ringLit);
    expect(codes(report)).toEqual([]);
  });

  it.each(FACES)("still refuses %s under the same light with a veil (×2 + 40) as OVEREXPOSED", async (name) => {
    const report = await analyse(name, combine(lighterSkin(0.5), frontalFill(), blowOut));
    expect(codes(report)).toContain("OVEREXPOSED");
  });
});

describe("a warm wall is paint, not light", () => {
  const FACES = ["sample2-face1", "sample3-face1", "sample6-face1"];

  it.each(FACES)("passes %s in front of an orange wall in white light, without turning the skin blue", async (name) => {
    const plain = await analyse(name, async (j) => j);
    const walled = await analyse(name, onWall("orange"));
    expect(codes(walled)).toEqual([]);
    // The tone moves by one group at most from the same photo without the wall, as under a cast (light.test.ts).
    expect(walled.tone, "a tone is read").not.toBeNull();
    expect(Math.abs(group(walled) - group(plain)), `ITA ${plain.tone?.ita} → ${walled.tone?.ita}`).toBeLessThanOrEqual(
      1,
    );
  });

  it.each(FACES)("passes %s in front of an orange wall under tungsten light", async (name) => {
    const report = await analyse(name, combine(onWall("orange"), cast("warm")));
    expect(codes(report)).toEqual([]);
  });

  it.each(FACES)("still refuses %s in front of the wall under a light too warm to correct (×3)", async (name) => {
    const report = await analyse(name, combine(onWall("orange"), cast("warm", 3)));
    expect(codes(report)).toContain("COLOR_CAST");
  });
});
