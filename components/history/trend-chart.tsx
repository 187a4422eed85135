import { useTranslations } from "next-intl";
import { useLocaleFormat } from "@/components/ui/use-locale-format";
import type { Analysis } from "@/lib/domain/analysis";
import { notMeasurableHelp } from "@/lib/domain/grading";
import { SCORE_KEYS, type ConfidenceLimit, type ScoreKey } from "@/lib/domain/skin-report";
import { scoreTrends, trendVerdict, whyNotMeasured, type TrendPoint } from "./summaries";

const W = 220;
const H = 98;
const PAD = { left: 14, right: 14, top: 8, bottom: 22 };
const SHORT_DATE = { day: "numeric", month: "short" } as const;
/** Two checks on one day are told apart by their time. */
const DATE_AND_TIME = { ...SHORT_DATE, hour: "numeric", minute: "2-digit" } as const;
const DAY = { year: "numeric", month: "numeric", day: "numeric" } as const;

function Sparkline({
  scoreKey,
  label,
  points,
  why,
}: {
  scoreKey: ScoreKey;
  label: string;
  points: TrendPoint[];
  why: ConfidenceLimit | undefined;
}) {
  const t = useTranslations();
  const format = useLocaleFormat();
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) {
    return (
      <figure className="rounded-2xl border border-dashed border-slate-300 bg-white p-4 text-sm">
        <figcaption className="font-semibold text-slate-900">{label}</figcaption>
        <p className="mt-2 font-medium text-slate-700">{t("history.trends.notMeasurable")}</p>
        <p className="mt-1 text-slate-600">
          <span className="font-medium">{t("history.trends.latestCheck")}</span>{" "}
          {t(`results.scores.${notMeasurableHelp(scoreKey, why)}`)}
        </p>
      </figure>
    );
  }
  const span = Math.max(1, last.at - first.at);
  const x = (p: TrendPoint) =>
    points.length === 1 ? W / 2 : PAD.left + ((p.at - first.at) / span) * (W - PAD.left - PAD.right);
  const y = (grade: number) => PAD.top + (1 - grade / 3) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p).toFixed(1)},${y(p.grade).toFixed(1)}`).join(" ");
  const verdict = trendVerdict(scoreKey, points);
  const trendWord = t(`history.trends.verdict.${verdict}`);
  // Dates under the first and last points, and under each point when there are few enough to fit; with a time
  // when two of them fall on one day, and then only the first and last, as the longer labels need the room.
  // The day in the app's time zone, as the labels show it (lib/i18n/format.ts), not the browser's.
  const sameDay = new Set(points.map((p) => format.dateTime(new Date(p.at), DAY))).size < points.length;
  const labelled = points.length <= 4 && !sameDay ? points : [first, last];
  const when = (at: number) => format.dateTime(new Date(at), sameDay ? DATE_AND_TIME : SHORT_DATE);
  const summary = t("history.trends.summary", {
    score: label,
    verdict: trendWord,
    from: t(`results.gradeWord.${first.grade}`),
    fromDate: when(first.at),
    to: t(`results.gradeWord.${last.grade}`),
    toDate: when(last.at),
  });

  return (
    <figure className="rounded-2xl border border-slate-200 bg-white p-4">
      <figcaption className="flex items-baseline justify-between text-sm">
        <span className="font-semibold text-slate-900">{label}</span>
        <span
          className={
            verdict === "better" ? "text-brand-700" : verdict === "worse" ? "text-amber-800" : "text-slate-600"
          }
        >
          {trendWord}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="mt-2 w-full" role="img" aria-label={summary}>
        {[0, 1, 2, 3].map((g) => (
          <g key={g}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(g)} y2={y(g)} stroke="#e2e8f0" strokeWidth="1" />
            <text x={0} y={y(g) + 3} fontSize="8" fill="#64748b">
              {g}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#1f6f5c" strokeWidth="2" strokeLinejoin="round" />
        {points.map((p) => (
          <circle key={p.at} cx={x(p)} cy={y(p.grade)} r="3" fill="#1f6f5c" />
        ))}
        {labelled.map((p) => (
          <text
            key={`d${p.at}`}
            x={x(p)}
            y={H - 6}
            fontSize="8"
            fill="#64748b"
            textAnchor={points.length === 1 ? "middle" : p === first ? "start" : p === last ? "end" : "middle"}
            data-testid="trend-date"
          >
            {when(p.at)}
          </text>
        ))}
      </svg>
    </figure>
  );
}

export function TrendCharts({ analyses }: { analyses: readonly Analysis[] }) {
  const t = useTranslations();
  const trends = scoreTrends(analyses);
  const unmeasured = whyNotMeasured(analyses);
  const count = trends.acne.length;
  return (
    <section aria-labelledby="trends-heading" className="flex flex-col gap-3">
      <h2 id="trends-heading" className="text-xl font-bold tracking-tight">
        {t("history.trends.heading")}
      </h2>
      {count < 2 ? (
        <p className="rounded-2xl bg-slate-50 p-4 text-sm text-slate-700">{t("history.trends.notYet")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("history.trends.explain", { count })}</p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="trend-charts">
            {SCORE_KEYS.map((key) => (
              <Sparkline
                key={key}
                scoreKey={key}
                label={t(`labels.score.${key}`)}
                points={trends[key]}
                why={unmeasured[key]}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
