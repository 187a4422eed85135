import type { Analysis, AnalysisStatus } from "@/lib/domain/analysis";
import { message, type Message } from "@/lib/domain/message";
import { compareScores, type Change } from "@/lib/domain/score-noise";
import { SCORE_KEYS, type ConfidenceLimit, type ScoreKey } from "@/lib/domain/skin-report";

export const statusLabel = (status: AnalysisStatus): Message => message(`history.status.${status}`);

/** The most pronounced score of a finished check, or the first stated concern before that. */
export function topConcern(analysis: Pick<Analysis, "report" | "survey">): Message {
  const scores = analysis.report?.scores;
  if (scores) {
    let best: ScoreKey = SCORE_KEYS[0];
    for (const key of SCORE_KEYS) if ((scores[key].grade ?? -1) > (scores[best].grade ?? -1)) best = key;
    const grade = scores[best].grade ?? 0;
    return grade === 0
      ? message("history.nothingPronounced")
      : message("history.topScore", {
          score: message(`labels.score.${best}`),
          grade: message(`results.gradeWord.${grade}`),
        });
  }
  const first = analysis.survey.concerns[0];
  return first
    ? message("history.yourAnswer", { concern: message(`labels.concern.${first}`) })
    : message("common.storedText", { text: "—" });
}

export interface TrendPoint {
  at: number;
  grade: number;
  raw: number;
}

/** Completed checks with scores, oldest first. */
function completed(analyses: readonly Analysis[]) {
  return analyses
    .filter((a) => a.status === "COMPLETE" && a.report?.scores)
    .map((a) => ({ at: Date.parse(a.completedAt ?? a.createdAt), scores: a.report?.scores }))
    .sort((x, y) => x.at - y.at);
}

/** Per score, the grades of completed checks in time order. */
export function scoreTrends(analyses: readonly Analysis[]): Record<ScoreKey, TrendPoint[]> {
  const done = completed(analyses);
  const trends = Object.fromEntries(SCORE_KEYS.map((k) => [k, [] as TrendPoint[]])) as Record<ScoreKey, TrendPoint[]>;
  for (const { at, scores } of done) {
    if (!scores) continue;
    for (const key of SCORE_KEYS) {
      const { grade, raw } = scores[key];
      // A score not measurable in that photo is a gap in the trend, not a zero.
      if (grade !== null) trends[key].push({ at, grade, raw });
    }
  }
  return trends;
}

/** What kept each score from being measured in the latest complete check (its card's reason), where something did. */
export function whyNotMeasured(analyses: readonly Analysis[]): Partial<Record<ScoreKey, ConfidenceLimit>> {
  const latest = completed(analyses).at(-1)?.scores;
  return Object.fromEntries(
    SCORE_KEYS.flatMap((key) => {
      const score = latest?.[key];
      return score && score.grade === null && score.limitedBy ? [[key, score.limitedBy]] : [];
    }),
  );
}

/**
 * First check against the latest: a change counts only when it is beyond the score's measured
 * test–retest noise (lib/domain/score-noise.ts); a grade that flips within it is "no real change".
 */
export function trendVerdict(key: ScoreKey, points: readonly TrendPoint[]): Change {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || first === last) return "no-real-change";
  return compareScores(key, first, last);
}
