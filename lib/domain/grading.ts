import { message, type Message } from "./message";
import type { ConfidenceLimit, Grade, Score, ScoreKey } from "./skin-report";

/**
 * Band edges of each score's raw metric: raw < e0 → 0, < e1 → 1, < e2 → 2, else 3. The analyzer grades
 * with them and the results page explains count grades with them, so the two cannot disagree.
 * Sources are in lib/analyzer/scores.ts beside each metric.
 */
export const GRADE_BANDS: Record<ScoreKey, readonly [number, number, number]> = {
  acne: [3, 6, 21],
  redness: [6, 12, 20],
  pigmentation: [3, 8, 16],
  pores: [1.6, 2.4, 3.4],
  shine: [1.5, 4, 9],
  underEye: [5, 8.5, 12],
};

export function gradeFrom(value: number, edges: readonly [number, number, number]): Grade {
  if (value < edges[0]) return 0;
  if (value < edges[1]) return 1;
  if (value < edges[2]) return 2;
  return 3;
}

/**
 * Why a score is not measurable, as the help under it (a key under results.scores): pores need a closer photo;
 * redness needs forehead skin in view (its reference), which a hat or fringe can hide, and one colour of light across
 * the face; shine needs forehead and nose skin in direct light, which a hat brim can shade; a score whose skin is
 * mostly blown white needs softer light. The results card and the history's trends both say it.
 */
export function notMeasurableHelp(key: ScoreKey, limitedBy?: ConfidenceLimit | null) {
  if (limitedBy === "light") return "notMeasurableLightHelp";
  if (limitedBy === "blown") return "notMeasurableBlownHelp";
  if (limitedBy === "pixels") return key === "shine" ? "notMeasurableShineHelp" : "notMeasurableSkinHelp";
  return "notMeasurableHelp";
}

/**
 * How sure a score is, as the word the results page shows beside its percentage (messages results.scores.level.*);
 * below "high" the card also says what limits it. The evaluation groups its photos by the same words.
 */
export function confidenceWord(confidence: number): "high" | "medium" | "low" {
  if (confidence >= 0.75) return "high";
  if (confidence >= 0.5) return "medium";
  return "low";
}

/** Scores whose grade is a count of marked findings. */
export const COUNT_SCORES = { acne: "lesion", pigmentation: "spot" } as const satisfies Partial<
  Record<ScoreKey, string>
>;
export type CountScoreKey = keyof typeof COUNT_SCORES;
export const isCountScore = (key: ScoreKey): key is CountScoreKey => key in COUNT_SCORES;

/** The count range a grade stands for, as a message: "3–5", "fewer than 3", "21 or more". */
function band(key: CountScoreKey, grade: Grade): Message {
  const [e0, e1, e2] = GRADE_BANDS[key];
  const edges = [0, e0, e1, e2];
  const lo = edges[grade] ?? 0;
  const hi = grade < 3 ? (edges[grade + 1] ?? 0) - 1 : null;
  if (hi === null) return message("results.countGrade.orMore", { n: lo });
  if (lo === hi) return message("results.countGrade.exactly", { n: lo });
  return lo === 0
    ? message("results.countGrade.fewerThan", { n: hi + 1 })
    : message("results.countGrade.range", { lo, hi });
}

/**
 * The sentence that ties the marks on the photo to a count grade, e.g. "5 breakouts marked, 3 on the
 * busier side of the face: 3–5 on one side reads as mild."
 */
export function explainCountGrade(key: CountScoreKey, score: Pick<Score, "grade" | "evidence">): Message | null {
  if (!score.evidence || score.grade === null) return null;
  const { marked, counted } = score.evidence;
  return message(`results.countGrade.${key}`, {
    marked,
    counted,
    rule: band(key, score.grade),
    grade: message(`results.gradeWord.${score.grade}`),
  });
}
