import type { Analysis } from "../../lib/domain/analysis";
import type { SkinReport } from "../../lib/domain/skin-report";
import type { Survey } from "../../lib/domain/survey";

/** Small valid records shared by the pipeline, handler and adapter tests; not real analyzer output. */

export const SURVEY: Survey = {
  skinType: "oily",
  concerns: ["acne"],
  goals: ["clear-breakouts"],
  sensitivity: "low",
  currentActives: [],
  fragrance: "ok",
  pregnancy: "no",
  budget: "50-150",
};

const score = (grade: 0 | 1 | 2 | 3) => ({ grade, raw: grade * 1.5, metric: "test", confidence: 0.8 });

export function makeReport(overrides: Partial<SkinReport> = {}): SkinReport {
  return {
    version: 1,
    image: { width: 640, height: 480 },
    quality: {
      ok: true,
      issues: [],
      sharpness: 12,
      exposure: 0.5,
      faceWidthPx: 300,
      pose: { yaw: 0, pitch: 0, roll: 0 },
    },
    tone: { ita: 30, category: "intermediate" },
    scores: {
      acne: score(2),
      redness: score(1),
      pigmentation: score(0),
      pores: score(1),
      shine: score(2),
      underEye: score(0),
    },
    findings: [{ type: "lesion", x: 0.4, y: 0.5, r: 0.01 }],
    regions: {},
    timings: { total: 120 },
    ...overrides,
  };
}

export const BAD_QUALITY_REPORT: SkinReport = makeReport({
  quality: {
    ok: false,
    issues: [{ code: "TOO_DARK", message: "The photo is too dark." }],
    sharpness: 12,
    exposure: 0.05,
    faceWidthPx: 300,
    pose: { yaw: 0, pitch: 0, roll: 0 },
  },
  tone: null,
  scores: null,
  findings: [],
});

export function makeAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    id: "a1",
    owner: "user-1",
    status: "UPLOADED",
    survey: SURVEY,
    imageKey: "selfies/eu-west-1:identity-1/a1.jpg",
    report: null,
    recommendation: null,
    failure: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    completedAt: null,
    ...overrides,
  };
}
