import Link from "next/link";
import { useTranslations } from "next-intl";
import { fromPick, ProductCard } from "@/components/shared/product-card";
import { buttonStyles } from "@/components/ui/button-styles";
import { useRenderMessage } from "@/components/ui/use-render-message";
import type { Analysis } from "@/lib/domain/analysis";
import { listOf, message } from "@/lib/domain/message";
import { AnswersUsed } from "./answers-used";
import { PhotoOverlay } from "./photo-overlay";
import { RoutineSection } from "./routine-section";
import { ScoreCards, ToneNote } from "./score-cards";
import { summariseResults } from "./summary";

interface Props {
  analysis: Analysis;
  imageUrl: string | null;
  /** Back to the wizard with these answers filled in. */
  onChangeAnswers: () => void;
}

/**
 * The answer first: a short summary and the three picks, then the routine, then what the photo showed.
 * On a phone the detail used to come first and the products started 5,300 px down (issue 12).
 */
export function AnalysisResults({ analysis, imageUrl, onChangeAnswers }: Props) {
  const { report, recommendation } = analysis;
  const t = useTranslations("results");
  const render = useRenderMessage();
  return (
    <div className="flex flex-col gap-10">
      {recommendation ? (
        <>
          <section aria-labelledby="summary-heading" className="rounded-2xl bg-brand-50 p-5">
            <h2 id="summary-heading" className="text-lg font-bold tracking-tight text-brand-900">
              {t("inShort")}
            </h2>
            <p className="mt-1 text-slate-800" data-testid="results-summary">
              {summariseResults(analysis.survey, recommendation).map(render).join(" ")}
            </p>
          </section>
          <section aria-labelledby="picks-heading" className="flex flex-col gap-4">
            <div>
              <h2 id="picks-heading" className="text-xl font-bold tracking-tight">
                {t("picksHeading")}
              </h2>
              {recommendation.limitedBy.length > 0 ? (
                <p className="mt-1 text-sm text-slate-600">
                  {t("limitedBy", {
                    filters: render(listOf(recommendation.limitedBy.map((f) => message(`results.filter.${f}`)))),
                  })}
                </p>
              ) : null}
            </div>
            <ul className="grid gap-4 md:grid-cols-3">
              {recommendation.picks.map((pick) => (
                <li key={pick.productId}>
                  <ProductCard product={fromPick(pick)} />
                </li>
              ))}
            </ul>
            <AnswersUsed survey={analysis.survey} onChange={onChangeAnswers} />
          </section>
          <section aria-labelledby="routine-heading" className="flex flex-col gap-4">
            <h2 id="routine-heading" className="text-xl font-bold tracking-tight">
              {t("routineHeading")}
            </h2>
            <RoutineSection recommendation={recommendation} />
          </section>
        </>
      ) : null}

      {report ? (
        <section
          aria-labelledby="photo-heading"
          className="grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:items-start"
        >
          <div>
            <h2 id="photo-heading" className="sr-only">
              {t("photoHeading")}
            </h2>
            <PhotoOverlay src={imageUrl} report={report} />
          </div>
          <div className="flex flex-col gap-4">
            <h2 className="text-xl font-bold tracking-tight">{t("sawHeading")}</h2>
            {report.scores ? <ScoreCards scores={report.scores} /> : null}
            <ToneNote tone={report.tone} />
          </div>
        </section>
      ) : null}

      <div className="flex flex-col gap-2 sm:flex-row">
        <Link href="/analyze" className={buttonStyles.primary}>
          {t("newCheck")}
        </Link>
        <Link href="/history" className={buttonStyles.secondary}>
          {t("seeHistory")}
        </Link>
      </div>
    </div>
  );
}
