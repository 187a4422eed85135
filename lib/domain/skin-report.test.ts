import { describe, expect, it } from "vitest";
import { makeReport } from "@/testing/domain/records";
import { categoriseIta, skinReportSchema, SKIN_REPORT_VERSION } from "./skin-report";

describe("skin report versions", () => {
  it("still reads a stored v1 report (no confidence limits, evidence, light or px/mm)", () => {
    const v1 = makeReport({ version: 1 });
    const parsed = skinReportSchema.parse(JSON.parse(JSON.stringify(v1)));
    expect(parsed.version).toBe(1);
    expect(parsed.scores?.acne.grade).toBe(2);
    expect(parsed.scores?.acne.evidence).toBeUndefined();
  });

  it("reads the current version with a not-measurable grade", () => {
    const report = makeReport({ version: SKIN_REPORT_VERSION });
    const scores = report.scores;
    if (!scores) throw new Error("fixture has scores");
    const parsed = skinReportSchema.parse({
      ...report,
      scores: { ...scores, pores: { ...scores.pores, grade: null, confidence: 0, limitedBy: "resolution" } },
    });
    expect(parsed.scores?.pores.grade).toBeNull();
    expect(parsed.scores?.pores.limitedBy).toBe("resolution");
  });

  it("rejects a version it does not know", () => {
    expect(skinReportSchema.safeParse({ ...makeReport(), version: 3 }).success).toBe(false);
  });

  it.each([
    // v1 stored atan2 values: 180° off whenever b* ≤ 0.
    [126.6, -53.4, "dark"],
    [-129.8, 50.2, "light"],
    [28, 28, "tan"],
  ] as const)("repairs a stored ITA of %s to %s and re-derives its group", (stored, ita, category) => {
    const parsed = skinReportSchema.parse({ ...makeReport(), tone: { ita: stored, category: "intermediate" } });
    expect(parsed.tone?.ita).toBeCloseTo(ita, 5);
    expect(parsed.tone?.category).toBe(stored >= -90 && stored <= 90 ? "intermediate" : category);
    expect(categoriseIta(ita)).toBe(category);
  });
});
