"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";
import { describeError, isBackendError } from "@/components/backend/error-message";
import { saveEditDraft, saveRetakeDraft } from "@/components/survey/survey-storage";
import { PageStatus } from "@/components/ui/page-status";
import { useLocaleFormat } from "@/components/ui/use-locale-format";
import { AnalysisResults } from "./analysis-results";
import { AnalysisStepper } from "./analysis-stepper";
import { FailurePanel } from "./failure-panel";
import { isWaking, trackStatus, type StageTrack } from "./stages";

type Problem = { kind: "not-found" } | { kind: "error"; message: string };


export function AnalysisLive({ id, backend }: { id: string; backend: BackendPort }) {
  const t = useTranslations("results.live");
  const format = useLocaleFormat();
  const router = useRouter();
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [track, setTrack] = useState<StageTrack | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [action, setAction] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  useEffect(() => {
    let startRequested = false;
    const unsubscribe = backend.observeAnalysis(
      id,
      (next) => {
        setAnalysis(next);
        setTrack((prev) => trackStatus(prev, next.status, performance.now()));
        // Starting is idempotent; doing it here, once subscribed, means no stage happens unseen.
        if (next.status === "UPLOADED" && !startRequested) {
          startRequested = true;
          backend.startAnalysis(id).catch((error: unknown) => {
            if (!isBackendError(error, "CONFLICT")) setAction({ busy: false, error: describeError(error) });
          });
        }
      },
      (error) =>
        setProblem(
          error.code === "NOT_FOUND" || error.code === "UNAUTHENTICATED"
            ? { kind: "not-found" }
            : { kind: "error", message: error.message },
        ),
    );
    return unsubscribe;
  }, [backend, id]);

  const imageKey = analysis?.imageKey ?? null;
  useEffect(() => {
    if (!analysis || !imageKey) return;
    let live = true;
    backend.getImageUrl(analysis).then((url) => live && setImageUrl(url), () => live && setImageUrl(null));
    return () => {
      live = false;
    };
    // The URL depends on the stored image only, not on every status change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, imageKey]);

  if (problem?.kind === "not-found") {
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
    if (problem) return <PageStatus tone="error" title={t("loadError")} message={problem.message} action={{ label: t("reload"), onClick: () => window.location.reload() }} />;
    return <PageStatus tone="loading" title={t("loading")} />;
  }

  const onRetake = () => {
    saveRetakeDraft(analysis.survey, analysis.id);
    router.push("/analyze");
  };
  const onChangeAnswers = () => {
    saveEditDraft(analysis.survey);
    router.push("/analyze");
  };
  const onRetry = async () => {
    setAction({ busy: true, error: null });
    try {
      await backend.startAnalysis(analysis.id);
      setAction({ busy: false, error: null });
    } catch (error) {
      setAction({ busy: false, error: describeError(error) });
    }
  };

  const complete = analysis.status === "COMPLETE";
  const failed = analysis.status === "FAILED";
  const showStepper = !complete || track.live;
  // The quality gate runs inside the analyzer, but to a person a bad photo fails the photo check.
  const failedAtCheck = failed && (analysis.failure?.code === "QUALITY" || analysis.failure?.code === "BAD_IMAGE");
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{complete ? t("titleComplete") : failed ? t("titleFailed") : t("titleRunning")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("started", { date: format.dateTime(analysis.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </div>
      {showStepper ? (
        <div className="rounded-3xl border border-slate-200 bg-white p-5 sm:p-6">
          <AnalysisStepper
            current={failedAtCheck ? 1 : track.current}
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
        <FailurePanel failure={analysis.failure} busy={action.busy} error={action.error} onRetake={onRetake} onRetry={() => void onRetry()} />
      ) : null}
      {!failed && action.error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {action.error}
        </p>
      ) : null}
      {complete ? <AnalysisResults analysis={analysis} imageUrl={imageUrl} onChangeAnswers={onChangeAnswers} /> : null}
    </div>
  );
}
