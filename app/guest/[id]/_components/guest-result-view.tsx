"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCheckedSession } from "@/components/auth/session-provider";
import { useAction } from "@/components/backend/use-action";
import { useGuestCheck } from "@/components/guest/use-guest-check";
import { AnalysisResults } from "@/components/results/analysis-results";
import { FailurePanel } from "@/components/results/failure-panel";
import { AnalysisStepper } from "@/components/shared/analysis-stepper";
import { failedStage, stageIndex } from "@/components/shared/stages";
import { saveEditDraft, saveRetakeDraft } from "@/components/survey/survey-storage";
import { buttonStyles } from "@/components/ui/button-styles";
import { PageStatus } from "@/components/ui/page-status";
import type { BackendPort } from "@/lib/backend/port";

export function GuestResultView({ id }: { id: string }) {
  const t = useTranslations("guest");
  const { session } = useCheckedSession();
  if (session.status === "loading" || (session.status === "signed-out" && !session.checked)) {
    return <PageStatus tone="loading" title={t("analysing")} />;
  }
  if (session.status === "error")
    return <PageStatus tone="error" title={t("startFailed")} message={session.error.message} />;
  return <GuestCheckResults id={id} backend={session.backend} />;
}

function GuestCheckResults({ id, backend }: { id: string; backend: BackendPort }) {
  const t = useTranslations("guest");
  const tl = useTranslations("results.live");
  const router = useRouter();
  const check = useGuestCheck(backend, id);
  const retry = useAction();

  if (check.phase === "loading") return <PageStatus tone="loading" title={t("analysing")} />;
  if (check.phase === "ended") {
    return (
      <PageStatus
        headingLevel={1}
        tone="info"
        title={t("endedTitle")}
        message={t("endedMessage")}
        action={{ label: t("anotherCheck"), href: "/guest" }}
      />
    );
  }
  if (check.phase === "error") {
    return (
      <PageStatus
        tone="error"
        title={t("startFailed")}
        message={check.message}
        action={{ label: t("retry"), onClick: () => window.location.reload() }}
      />
    );
  }
  // The photo is sent before this page opens: a check still without one was left by an upload that failed.
  if (check.phase === "running" && check.analysis.status === "CREATED") {
    return (
      <PageStatus
        headingLevel={1}
        tone="info"
        title={tl("noPhotoTitle")}
        message={t("noPhotoMessage")}
        action={{ label: t("anotherCheck"), href: "/guest" }}
      />
    );
  }
  if (check.phase === "running" || check.phase === "failed") {
    const failed = check.phase === "failed";
    const failure = check.analysis.failure;
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-3xl font-bold tracking-tight">{failed ? t("failedTitle") : t("analysing")}</h1>
        <div className="rounded-3xl border border-slate-200 bg-white p-5 sm:p-6">
          <AnalysisStepper
            current={failed ? failedStage(check.analysis) : stageIndex(check.analysis.status)}
            failed={failed}
          />
        </div>
        {failed && failure ? (
          <FailurePanel
            failure={failure}
            busy={retry.busy}
            error={retry.error}
            onRetake={() => {
              // The new check replaces this one, which is deleted once the new photo is in.
              saveRetakeDraft(check.analysis.survey, check.analysis.id);
              router.push("/guest");
            }}
            onRetry={() => void retry.run(() => backend.startAnalysis(check.analysis.id))}
          />
        ) : null}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold tracking-tight">{t("resultsTitle")}</h1>
      <section
        aria-labelledby="guest-keep"
        className="flex flex-col gap-3 rounded-3xl border border-brand-100 bg-brand-50 p-5 sm:p-6"
        data-testid="guest-deleted"
      >
        <p className="text-slate-800">{t("deletedNotice")}</p>
        {check.canKeep ? (
          <>
            <h2 id="guest-keep" className="text-lg font-semibold">
              {t("keepTitle")}
            </h2>
            <p className="text-slate-700">{t("keepBody")}</p>
            <div className="flex flex-col gap-2 sm:flex-row">
              <Link
                href={`/sign-in?mode=sign-up&next=${encodeURIComponent("/guest/keep")}`}
                className={buttonStyles.primary}
              >
                {t("keepAction")}
              </Link>
              <Link href="/guest" className={buttonStyles.secondary}>
                {t("anotherCheck")}
              </Link>
            </div>
          </>
        ) : (
          <h2 id="guest-keep" className="sr-only">
            {t("keepTitle")}
          </h2>
        )}
      </section>
      <AnalysisResults
        analysis={check.analysis}
        imageUrl={check.imageUrl}
        onChangeAnswers={() => {
          saveEditDraft(check.analysis.survey);
          router.push("/guest");
        }}
      />
    </div>
  );
}
