import type { ActiveIngredient, Product } from "../catalog/product";
import type { SkinReport, ScoreKey, SkinScores } from "../skin-report";
import type { Concern, Goal, Survey } from "../survey";

/** Which survey concern each photo score speaks to. */
export const SCORE_CONCERN: Record<ScoreKey, Concern> = {
  acne: "acne",
  redness: "redness",
  pigmentation: "pigmentation",
  pores: "pores",
  shine: "oiliness",
  underEye: "dark-circles",
};

export const GOAL_CONCERNS: Record<Goal, readonly Concern[]> = {
  "clear-breakouts": ["acne"],
  "even-tone": ["pigmentation", "dullness"],
  "barrier-repair": ["redness", "dryness"],
  "refine-pores": ["pores", "oiliness"],
  hydration: ["dryness"],
  "anti-ageing": ["fine-lines"],
};

export const GOAL_ACTIVES: Record<Goal, readonly ActiveIngredient[]> = {
  "clear-breakouts": ["bha", "benzoyl-peroxide", "azelaic-acid", "sulfur", "zinc", "tea-tree"],
  "even-tone": ["vitamin-c", "alpha-arbutin", "tranexamic-acid", "azelaic-acid", "aha", "licorice"],
  "barrier-repair": ["ceramides", "centella", "panthenol", "allantoin", "squalane"],
  "refine-pores": ["bha", "niacinamide", "zinc", "retinoid"],
  hydration: ["hyaluronic-acid", "glycerin", "ceramides", "squalane", "panthenol"],
  "anti-ageing": ["retinoid", "peptides", "vitamin-c"],
};

/** Stated concerns and score severity, per concern. */
export interface ConcernSignal {
  concern: Concern;
  stated: boolean;
  /** The photo score behind this concern, when there is one and it is at least 1. */
  score: { key: ScoreKey; grade: number } | null;
  weight: number;
}

// A stated concern counts like a moderate score; a pronounced score (3) outweighs a mere mention.
const STATED_WEIGHT = 3;
const GRADE_WEIGHT = 2;

export function usableScores(report: SkinReport | null): SkinScores | null {
  if (report === null || !report.quality.ok) return null;
  return report.scores;
}

export function concernSignals(scores: SkinScores | null, survey: Survey): Map<Concern, ConcernSignal> {
  const signals = new Map<Concern, ConcernSignal>();
  for (const concern of survey.concerns) {
    signals.set(concern, { concern, stated: true, score: null, weight: STATED_WEIGHT });
  }
  if (scores !== null) {
    for (const key of Object.keys(SCORE_CONCERN) as ScoreKey[]) {
      const grade = scores[key].grade;
      // Not measurable in this photo (null) says nothing either way.
      if (grade === null || grade < 1) continue;
      const concern = SCORE_CONCERN[key];
      const existing = signals.get(concern);
      signals.set(concern, {
        concern,
        stated: existing?.stated ?? false,
        score: { key, grade },
        weight: (existing?.weight ?? 0) + grade * GRADE_WEIGHT,
      });
    }
  }
  return signals;
}

/** Goals this product serves, by the concerns it targets or the actives it carries. */
export function matchedGoals(product: Product, goals: readonly Goal[]): Goal[] {
  return goals.filter(
    (goal) =>
      GOAL_CONCERNS[goal].some((c) => product.concerns.includes(c)) ||
      GOAL_ACTIVES[goal].some((a) => product.keyActives.includes(a)),
  );
}

/** Pigmentation or redness present (score ≥ 1 or stated): UV makes both worse. */
export function sunSensitiveConcerns(signals: Map<Concern, ConcernSignal>): ConcernSignal[] {
  return (["pigmentation", "redness"] as const).flatMap((c) => {
    const signal = signals.get(c);
    return signal ? [signal] : [];
  });
}
