import { beforeAll, describe, expect, it } from "vitest";
import { GRADE_BANDS, gradeFrom } from "../domain/grading";
import { SCORE_KEYS, SKIN_REPORT_VERSION, type SkinReport } from "../domain/skin-report";
import { analyzeImage, warmUp } from "./index";
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
});

describe("glasses", () => {
  it("does not read lens glare as shine", async () => {
    const [s] = await loadCleanSelfies();
    if (!s) throw new Error("no fixture");
    const bare = await analyzeImage(await encodeJpeg(s.image));
    // Two bright, colourless reflections where lenses sit: over each eye, reaching down the nose's sides.
    const img = cloneImage(s.image);
    for (const [a, b] of [[33, 133], [362, 263]] as const) {
      const [ax, ay] = s.face.mesh[a] ?? [0, 0];
      const [bx, by] = s.face.mesh[b] ?? [0, 0];
      const cx = (ax + bx) / 2;
      const cy = (ay + by) / 2 + 0.15 * Math.abs(bx - ax);
      const rx = Math.abs(bx - ax) * 0.9;
      const ry = rx * 0.55;
      for (let y = Math.floor(cy - ry); y <= cy + ry; y++) {
        for (let x = Math.floor(cx - rx); x <= cx + rx; x++) {
          if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1 || (x + y) % 3 === 0) continue;
          img.data.fill(250, 3 * (y * img.width + x), 3 * (y * img.width + x) + 3);
        }
      }
    }
    const glare = await analyzeImage(await encodeJpeg(img));
    expect(glare.scores?.shine.grade).toBe(bare.scores?.shine.grade);
    expect(Math.abs((glare.scores?.shine.raw ?? 0) - (bare.scores?.shine.raw ?? 0))).toBeLessThan(0.5);
  });
});
