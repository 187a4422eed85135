import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { combine, enlargedThumbnail, THUMBNAIL_FACE_PX } from "./testing/everyday-photos";
import { cast, exposure } from "./testing/lighting";
import { hardShadow, keyLight } from "./testing/portrait-light";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./testing/selfies";
import type { SkinReport } from "../domain/skin-report";

/** The gate on good photos under everyday conditions combined, and on a defect under the same conditions. */
let clean: Selfie[] = [];
beforeAll(async () => {
  await warmUp();
  clean = await loadCleanSelfies();
});

const codes = (r: SkinReport) => r.quality.issues.map((i) => i.code);
const find = (name: string) => {
  const s = clean.find((x) => x.name === name);
  if (!s) throw new Error(`no fixture ${name}`);
  return s;
};
const analyse = async (s: Selfie, make: (j: Uint8Array) => Promise<Uint8Array>) =>
  analyzeImage(await make(await encodeJpeg(s.image)));

const FACES = ["sample3-face2", "sample5-face2", "sample6-face1"];

describe("a low-resolution photo enlarged 2× (face 280 px) is judged on its light, not its pixel grid", () => {
  it.each(FACES)("passes %s under a 3:1 key light", async (name) => {
    const report = await analyse(find(name), combine(keyLight(3), enlargedThumbnail(THUMBNAIL_FACE_PX)));
    expect(codes(report)).toEqual([]);
    // The variant is what it claims: the face is enlarged (≥ 2 × 280 px less the detector's spread), not the original.
    expect(report.quality.faceWidthPx).toBeGreaterThan(1.6 * THUMBNAIL_FACE_PX);
  });

  it.each(FACES)("still refuses %s with a hard 5:1 half shadow, UNEVEN_LIGHTING", async (name) => {
    const report = await analyse(find(name), combine(hardShadow(5, "right"), enlargedThumbnail(THUMBNAIL_FACE_PX)));
    expect(codes(report)).toContain("UNEVEN_LIGHTING");
  });
});

describe("bright and warm light at once is a good photo", () => {
  it.each(FACES)("passes %s at +15% under tungsten light", async (name) => {
    const report = await analyse(find(name), combine(exposure(1.15), cast("warm")));
    expect(codes(report)).toEqual([]);
  });

  it.each(FACES)("passes %s under a 3:1 key light and tungsten light", async (name) => {
    const report = await analyse(find(name), combine(keyLight(3), cast("warm")));
    expect(codes(report)).toEqual([]);
  });
});
