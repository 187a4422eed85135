import type { Analysis } from "@/lib/domain/analysis";
import type { Score, SkinScores } from "@/lib/domain/skin-report";

/** Analyses as the history reads them, for its tests: only status, times and scores matter there. */
export const score = (grade: number): Score => ({ grade, raw: grade, metric: "m", confidence: 0.8 });
export const scores = (
  g: Partial<Record<keyof SkinScores, number>>,
  replaced: Partial<SkinScores> = {},
): SkinScores => ({
  acne: score(g.acne ?? 0),
  redness: score(g.redness ?? 0),
  pigmentation: score(g.pigmentation ?? 0),
  pores: score(g.pores ?? 0),
  shine: score(g.shine ?? 0),
  underEye: score(g.underEye ?? 0),
  ...replaced,
});
const survey = {
  skinType: "oily",
  concerns: ["pores", "acne"],
  goals: ["hydration"],
  sensitivity: "low",
  currentActives: [],
  fragrance: "ok",
  pregnancy: "no",
  budget: "under-50",
} as const;

export function analysis(id: string, status: Analysis["status"], at: string, s: SkinScores | null): Analysis {
  const report = s ? ({ scores: s } as Analysis["report"]) : null;
  return {
    id,
    owner: "u",
    status,
    survey: { ...survey, concerns: [...survey.concerns], goals: [...survey.goals], currentActives: [] },
    imageKey: null,
    report,
    recommendation: null,
    failure: null,
    createdAt: at,
    updatedAt: at,
    completedAt: status === "COMPLETE" ? at : null,
  };
}
