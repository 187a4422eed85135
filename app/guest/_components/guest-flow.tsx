"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCheckedSession } from "@/components/auth/session-provider";
import { SelfieCapture } from "@/components/capture/selfie-capture";
import { useGuestSession } from "@/components/guest/use-guest-session";
import { SurveyWizard } from "@/components/survey/survey-wizard";
import { buttonStyles } from "@/components/ui/button-styles";
import { PageStatus } from "@/components/ui/page-status";
import type { BackendPort } from "@/lib/backend/port";

export function GuestFlow() {
  const t = useTranslations("guest");
  const { session, refresh } = useCheckedSession();
  if (session.status === "loading" || (session.status === "signed-out" && !session.checked)) {
    return <PageStatus tone="loading" title={t("starting")} />;
  }
  if (session.status === "error") {
    return (
      <PageStatus
        tone="error"
        title={t("startFailed")}
        message={session.error.message}
        action={{ label: t("retry"), onClick: () => void refresh() }}
      />
    );
  }
  if (session.status === "signed-in") {
    return (
      <div className="flex flex-col items-start gap-3 rounded-3xl border border-slate-200 bg-white p-6">
        <p className="text-slate-700">{t("signedInNote")}</p>
        <Link href="/analyze" className={buttonStyles.primary}>
          {t("signedInAction")}
        </Link>
      </div>
    );
  }
  return <GuestWizard backend={session.backend} />;
}

function GuestWizard({ backend }: { backend: BackendPort }) {
  const t = useTranslations("guest");
  const { state, retry } = useGuestSession(backend);
  if (state.status === "starting") return <PageStatus tone="loading" title={t("starting")} />;
  if (state.status === "error") {
    return (
      <PageStatus
        tone="error"
        title={t("startFailed")}
        message={state.message}
        action={{ label: t("retry"), onClick: retry }}
      />
    );
  }
  return (
    <SurveyWizard
      backend={backend}
      renderCapture={(onPhoto) => <SelfieCapture onPhoto={onPhoto} />}
      resultsHref={(id) => `/guest/${id}`}
    />
  );
}
