import type { Grade, Score, ScoreKey } from "./skin-report";

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

/** Scores whose grade is a count of marked findings. */
export const COUNT_SCORES = { acne: "lesion", pigmentation: "spot" } as const satisfies Partial<Record<ScoreKey, string>>;
export type CountScoreKey = keyof typeof COUNT_SCORES;
export const isCountScore = (key: ScoreKey): key is CountScoreKey => key in COUNT_SCORES;

const GRADE_WORDS = ["none or minimal", "mild", "moderate", "pronounced"] as const;

function band(key: CountScoreKey, grade: Grade): string {
  const [e0, e1, e2] = GRADE_BANDS[key];
  const edges = [0, e0, e1, e2];
  const lo = edges[grade] ?? 0;
  const hi = grade < 3 ? (edges[grade + 1] ?? 0) - 1 : null;
  if (hi === null) return `${lo} or more`;
  return lo === hi ? `${lo}` : lo === 0 ? `fewer than ${hi + 1}` : `${lo}–${hi}`;
}

/**
 * The sentence that ties the marks on the photo to a count grade, e.g. "5 breakouts marked, 3 on the
 * busier side of the face: 3–5 on one side reads as mild."
 */
export function explainCountGrade(key: CountScoreKey, score: Pick<Score, "grade" | "evidence">): string | null {
  if (!score.evidence || score.grade === null) return null;
  const { marked, counted } = score.evidence;
  const noun = key === "acne" ? (marked === 1 ? "breakout" : "breakouts") : marked === 1 ? "dark spot" : "dark spots";
  const what = key === "acne" ? `${counted} on the busier side of the face` : `${counted} counted`;
  const rule = key === "acne" ? `${band(key, score.grade)} on one side` : band(key, score.grade);
  if (marked === 0) return `No ${key === "acne" ? "breakouts" : "dark spots"} marked: ${rule} reads as ${GRADE_WORDS[score.grade]}.`;
  return `${marked} ${noun} marked${key === "acne" ? `, ${what}` : ""}: ${rule} reads as ${GRADE_WORDS[score.grade]}.`;
}
