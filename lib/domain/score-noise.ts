import type { Score, ScoreKey } from "./skin-report";

/**
 * Test–retest spread of each score's raw metric: the SEM of the same face re-shot (shift, scale, ±8%
 * exposure, JPEG re-encode), measured by `npm run eval:analyzer` on the held-out split and written here
 * by hand. SEM = SD(differences)/√2 and MDC95 = 1.96·√2·SEM (Weir, J Strength Cond Res 2005).
 */
export const SCORE_SEM: Record<ScoreKey, number> = {
  acne: 0.68,
  redness: 0.66,
  // 0.62 until dark spots came from melanin's matched filter with the lesion-scale features (28 Nov): more spots
  // found, and more of them near the threshold, so a larger change in spots counts as real.
  pigmentation: 0.93,
  // No held-out re-shoot pair had pores measurable on both shots (24 faces, 28 Nov): the 8-face run's value stays.
  pores: 0.03,
  // 1.99 until shine read only lit T-zone skin (28 Nov): one face under a hat brim read 30 as shot and 4 shifted by 3%.
  shine: 0.22,
  underEye: 0.34,
};

export function minimalDetectableChange(key: ScoreKey): number {
  return 1.96 * Math.SQRT2 * SCORE_SEM[key];
}

export type Change = "better" | "worse" | "no-real-change";

/**
 * A change between two checks counts only when the grade moved and the raw metric moved by more than
 * its MDC95; anything smaller is within what re-taking the same photo produces. Higher raw is worse for
 * every score.
 */
export function compareScores(
  key: ScoreKey,
  before: Pick<Score, "grade" | "raw">,
  after: Pick<Score, "grade" | "raw">,
): Change {
  if (before.grade === null || after.grade === null || before.grade === after.grade) return "no-real-change";
  const delta = after.raw - before.raw;
  if (Math.abs(delta) <= minimalDetectableChange(key)) return "no-real-change";
  return delta < 0 ? "better" : "worse";
}
