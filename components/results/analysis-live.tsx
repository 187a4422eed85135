"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { AnalysisStepper } from "@/components/shared/analysis-stepper";
import { failedStage, isWaking } from "@/components/shared/stages";
import { PageStatus } from "@/components/ui/page-status";
import { useLocaleFormat } from "@/components/ui/use-locale-format";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";
import { AnalysisResults } from "./analysis-results";
import { FailurePanel } from "./failure-panel";
import { useLiveAnalysis } from "./use-live-analysis";

interface Props {
  id: string;
  backend: BackendPort;
  /** Take a new photo for this failed analysis; the page decides where the survey lives. */
  onRetake: (analysis: Analysis) => void;
  /** Run a new check with these answers as the starting point. */
  onChangeAnswers: (analysis: Analysis) => void;
}

export function AnalysisLive({ id, backend, onRetake, onChangeAnswers }: Props) {
  const t = useTranslations("results.live");
  const format = useLocaleFormat();
  const { analysis, track, problem, imageUrl, action, retry } = useLiveAnalysis(backend, id);
  const notFound = problem?.kind === "not-found";
  // The server titled the page for a result before it knew there was none (another person's, deleted, or no photo).
  const title = notFound ? t("notFound") : analysis?.status === "CREATED" ? t("noPhotoTitle") : null;
  useEffect(() => {
    if (title) document.title = `${title} · Skinsight`;
  }, [title]);

  if (notFound) {
    return (
      <>
        <h1 className="sr-only">{t("notFound")}</h1>
        <PageStatus
          tone="info"
          title={t("notFoundTitle")}
          message={t("notFoundMessage")}
          action={{ label: t("goHistory"), href: "/history" }}
        />
      </>
    );
  }
  if (!analysis || !track) {
    if (problem)
      return (
        <PageStatus
          tone="error"
          title={t("loadError")}
          message={problem.message}
          action={{ label: t("reload"), onClick: () => window.location.reload() }}
        />
      );
    return <PageStatus tone="loading" title={t("loading")} />;
  }

  // The photo is sent before this page opens (the survey's last step): a check still without one here was left
  // behind by an upload that failed, and nothing will come.
  if (analysis.status === "CREATED") {
    return (
      <>
        <h1 className="sr-only">{t("titleFailed")}</h1>
        <PageStatus
          tone="info"
          title={t("noPhotoTitle")}
          message={t("noPhotoMessage")}
          action={{ label: t("startNew"), href: "/analyze" }}
        />
      </>
    );
  }

  const complete = analysis.status === "COMPLETE";
  const failed = analysis.status === "FAILED";
  const showStepper = !complete || track.live;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">
          {complete ? t("titleComplete") : failed ? t("titleFailed") : t("titleRunning")}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("started", { date: format.dateTime(analysis.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      </div>
      {showStepper ? (
        <div className="rounded-3xl border border-slate-200 bg-white p-5 sm:p-6">
          <AnalysisStepper
            current={failed ? failedStage(analysis) : track.current}
            failed={failed}
            durations={track.durations}
            waking={isWaking(analysis)}
          />
        </div>
      ) : null}
      {problem?.kind === "error" ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {problem.message}
        </p>
      ) : null}
      {failed && analysis.failure ? (
        <FailurePanel
          failure={analysis.failure}
          busy={action.busy}
          error={action.error}
          onRetake={() => onRetake(analysis)}
          onRetry={retry}
        />
      ) : null}
      {!failed && action.error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {action.error}
        </p>
      ) : null}
      {complete ? (
        <AnalysisResults analysis={analysis} imageUrl={imageUrl} onChangeAnswers={() => onChangeAnswers(analysis)} />
      ) : null}
    </div>
  );
}
