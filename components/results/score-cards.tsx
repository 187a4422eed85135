import { useTranslations } from "next-intl";
import { useRenderMessage } from "@/components/ui/use-render-message";
import { confidenceWord, explainCountGrade, isCountScore, notMeasurableHelp } from "@/lib/domain/grading";
import { SCORE_KEYS, type SkinReport, type SkinScores } from "@/lib/domain/skin-report";

function NotMeasurable({ label, help }: { label: string; help: ReturnType<typeof notMeasurableHelp> }) {
  const t = useTranslations("results.scores");
  return (
    <li
      className="flex flex-col gap-2 rounded-2xl border border-dashed border-slate-300 bg-white p-5"
      data-testid="score-card"
    >
      <h3 className="font-semibold text-slate-900">{label}</h3>
      <p className="text-sm font-medium text-slate-700">{t("notMeasurable")}</p>
      <p className="text-sm text-slate-600">{t(help)}</p>
    </li>
  );
}

export function ScoreCards({ scores }: { scores: SkinScores }) {
  const t = useTranslations("results.scores");
  const tl = useTranslations("labels");
  const render = useRenderMessage();
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={t("label")}>
      {SCORE_KEYS.map((key) => {
        const score = scores[key];
        const label = tl(`score.${key}`);
        if (score.grade === null)
          return <NotMeasurable key={key} label={label} help={notMeasurableHelp(key, score.limitedBy)} />;
        const value = score.grade;
        const grade = tl(`grade.${value}`);
        const explanation = isCountScore(key) ? explainCountGrade(key, score) : null;
        return (
          <li
            key={key}
            className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5"
            data-testid="score-card"
          >
            <div>
              <h3 className="font-semibold text-slate-900">{label}</h3>
              <p className="text-sm font-medium text-brand-700">{t("ofThree", { value, grade })}</p>
            </div>
            <div
              role="meter"
              aria-label={t("meterLabel", { score: label })}
              aria-valuemin={0}
              aria-valuemax={3}
              aria-valuenow={value}
              aria-valuetext={t("meterText", { value, grade })}
              className="grid grid-cols-3 gap-1"
            >
              {[1, 2, 3].map((n) => (
                <span key={n} className={`h-2 rounded-full ${value >= n ? "bg-brand-600" : "bg-slate-200"}`} />
              ))}
            </div>
            <p className="text-sm text-slate-700">{t(`meaning.${key}`)}</p>
            {explanation && (
              <p className="text-sm text-slate-700" data-testid="grade-explanation">
                {render(explanation)}
              </p>
            )}
            <p className="text-xs text-slate-600">
              {t("confidence", {
                level: t(`level.${confidenceWord(score.confidence)}`),
                percent: Math.round(score.confidence * 100),
              })}
              {score.limitedBy && confidenceWord(score.confidence) !== "high"
                ? ` · ${t(`limit.${score.limitedBy}`)}`
                : ""}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function ToneNote({ tone }: { tone: SkinReport["tone"] }) {
  const t = useTranslations("results.tone");
  if (!tone) return null;
  return (
    <p className="rounded-2xl bg-slate-50 p-4 text-sm text-slate-700">
      <span className="font-semibold text-slate-900">{t("group", { tone: t(`category.${tone.category}`) })}</span> (ITA°{" "}
      {tone.ita.toFixed(0)}). {t("explain")}{" "}
      <a href="/accuracy#fairness" className="font-medium text-brand-700 underline">
        {t("accuracy")}
      </a>
    </p>
  );
}
