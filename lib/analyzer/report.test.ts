import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { GRADE_BANDS, gradeFrom } from "../domain/grading";
import { SCORE_KEYS, SKIN_REPORT_VERSION, type SkinReport } from "../domain/skin-report";
import { plantVaried } from "./testing/lesion-generator";
import { cloneImage, makeRng } from "./testing/plant";
import { encodeJpeg, loadCleanSelfies } from "./testing/selfies";

let reports: SkinReport[] = [];
beforeAll(async () => {
  await warmUp();
  reports = [];
  for (const [i, s] of (await loadCleanSelfies()).slice(0, 4).entries()) {
    const img = cloneImage(s.image);
    const rng = makeRng(500 + i);
    const lesions = plantVaried(img, s.face.mesh, { type: "lesion", count: 10, rng, diameterMm: [2, 4] });
    plantVaried(img, s.face.mesh, { type: "spot", count: 5, rng, diameterMm: [2, 4], avoid: lesions });
    reports.push(await analyzeImage(await encodeJpeg(img)));
  }
});

const scoresOf = (r: SkinReport) => {
  if (!r.scores) throw new Error(`gated: ${r.quality.issues.map((i) => i.code).join(",")}`);
  return r.scores;
};

describe("SkinReport v2", () => {
  it("is the current version and carries px per mm", () => {
    for (const r of reports) {
      expect(r.version).toBe(SKIN_REPORT_VERSION);
      expect(r.quality.pxPerMm).toBeGreaterThan(1);
    }
  });

  it("gives each score its own confidence, from what limits that score", () => {
    for (const r of reports) {
      const s = scoresOf(r);
      const values = new Set(SCORE_KEYS.map((k) => s[k].confidence));
      // v1 gave all five scores one shared value.
      expect(values.size, JSON.stringify(s)).toBeGreaterThanOrEqual(3);
      for (const k of SCORE_KEYS) expect(s[k].limitedBy).toBeDefined();
    }
  });

  it("says pores are not measurable below 8 px per mm instead of grading them 0", () => {
    for (const r of reports) {
      const pores = scoresOf(r).pores;
      if ((r.quality.pxPerMm ?? 0) < 8) {
        expect(pores.grade).toBeNull();
        expect(pores.limitedBy).toBe("resolution");
      }
    }
  });

  it("marks exactly the findings the count grades count", () => {
    for (const r of reports) {
      const s = scoresOf(r);
      const lesions = r.findings.filter((f) => f.type === "lesion").length;
      const spots = r.findings.filter((f) => f.type === "spot").length;
      expect(s.acne.evidence?.marked).toBe(lesions);
      expect(s.pigmentation.evidence?.marked).toBe(spots);
      expect(s.acne.evidence?.counted).toBeLessThanOrEqual(lesions);
      expect(s.acne.grade).toBe(gradeFrom(s.acne.evidence?.counted ?? -1, GRADE_BANDS.acne));
      expect(s.pigmentation.grade).toBe(gradeFrom(spots, GRADE_BANDS.pigmentation));
    }
  });

  it("says redness is not measurable when a hat hides the forehead, its reference, instead of grading the cheeks alone", async () => {
    const [s] = await loadCleanSelfies();
    if (!s) throw new Error("no selfie");
    const img = cloneImage(s.image);
    // A dark hat pulled down to the brows: every row above the glabella (mesh point 9).
    const brimY = Math.round(s.face.mesh[9]?.[1] ?? 0);
    expect(brimY).toBeGreaterThan(50);
    for (let y = 0; y < brimY; y++)
      for (let x = 0; x < img.width; x++) img.data.set([38, 36, 40], (y * img.width + x) * 3);
    const covered = scoresOf(await analyzeImage(await encodeJpeg(img)));
    expect(covered.redness.grade).toBeNull();
    expect(covered.redness.limitedBy).toBe("pixels");
    expect(covered.acne.grade).not.toBeNull();
    const bare = scoresOf(await analyzeImage(await encodeJpeg(cloneImage(s.image))));
    expect(bare.redness.grade).not.toBeNull();
  });
});
