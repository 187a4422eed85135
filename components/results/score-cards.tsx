import { explainCountGrade, isCountScore } from "@/lib/domain/grading";
import {
  GRADE_LABELS,
  SCORE_KEYS,
  SCORE_LABELS,
  TONE_LABELS,
  type ConfidenceLimit,
  type ScoreKey,
  type SkinReport,
  type SkinScores,
} from "@/lib/domain/skin-report";

/** What each score looks at, in words a person uses. */
const MEANING: Record<ScoreKey, string> = {
  acne: "Red bumps and blemishes the camera can pick out.",
  redness: "How much redness shows across your cheeks, nose and chin.",
  pigmentation: "Darker spots and patches that differ from your overall tone.",
  pores: "Visible pores and fine surface texture.",
  shine: "Oil shine on the forehead and nose.",
  underEye: "How much darker the skin under your eyes is than your cheeks.",
};

/** Why a score's confidence is what it is, in plain words. */
const LIMIT_WORDS: Record<ConfidenceLimit, string> = {
  pixels: "hair, glasses or shadow cover part of the skin it reads",
  resolution: "the photo has too few pixels for this sign",
  "grade-edge": "the reading sits close to the next grade",
};

export function confidenceWord(confidence: number): string {
  if (confidence >= 0.75) return "High";
  if (confidence >= 0.5) return "Medium";
  return "Low";
}

function NotMeasurable({ label }: { label: string }) {
  return (
    <li className="flex flex-col gap-2 rounded-2xl border border-dashed border-slate-300 bg-white p-5" data-testid="score-card">
      <h3 className="font-semibold text-slate-900">{label}</h3>
      <p className="text-sm font-medium text-slate-700">Not measurable in this photo</p>
      <p className="text-sm text-slate-600">
        This sign needs a closer, sharper photo than this one. Hold the phone nearer (about 25 cm) in good light to get a
        grade.
      </p>
    </li>
  );
}

export function ScoreCards({ scores }: { scores: SkinScores }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Skin scores">
      {SCORE_KEYS.map((key) => {
        const score = scores[key];
        if (score.grade === null) return <NotMeasurable key={key} label={SCORE_LABELS[key]} />;
        const value = score.grade;
        const grade = GRADE_LABELS[value] ?? "";
        const explanation = isCountScore(key) ? explainCountGrade(key, score) : null;
        return (
          <li key={key} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="score-card">
            <div>
              <h3 className="font-semibold text-slate-900">{SCORE_LABELS[key]}</h3>
              <p className="text-sm font-medium text-brand-700">
                {value} of 3 · {grade}
              </p>
            </div>
            <div
              role="meter"
              aria-label={`${SCORE_LABELS[key]} score`}
              aria-valuemin={0}
              aria-valuemax={3}
              aria-valuenow={value}
              aria-valuetext={`${value} of 3: ${grade}`}
              className="grid grid-cols-3 gap-1"
            >
              {[1, 2, 3].map((n) => (
                <span key={n} className={`h-2 rounded-full ${value >= n ? "bg-brand-600" : "bg-slate-200"}`} />
              ))}
            </div>
            <p className="text-sm text-slate-700">{MEANING[key]}</p>
            {explanation && (
              <p className="text-sm text-slate-700" data-testid="grade-explanation">
                {explanation}
              </p>
            )}
            <p className="text-xs text-slate-600">
              Confidence: {confidenceWord(score.confidence)} ({Math.round(score.confidence * 100)}%)
              {score.limitedBy && score.confidence < 0.75 ? ` · ${LIMIT_WORDS[score.limitedBy]}` : ""}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function ToneNote({ tone }: { tone: SkinReport["tone"] }) {
  if (!tone) return null;
  return (
    <p className="rounded-2xl bg-slate-50 p-4 text-sm text-slate-700">
      <span className="font-semibold text-slate-900">Skin tone group: {TONE_LABELS[tone.category]}</span> (ITA° {tone.ita.toFixed(0)}).
      Every tone is healthy; we use it only so the measurements are fair to lighter and darker skin alike.{" "}
      <a href="/accuracy#fairness" className="font-medium text-brand-700 underline">
        How accurate is this for my skin tone?
      </a>
    </p>
  );
}
