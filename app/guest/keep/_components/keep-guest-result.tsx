"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { RequireAuth } from "@/components/auth/require-auth";
import { useKeepGuestResult } from "@/components/guest/use-keep-guest-result";
import { PageStatus } from "@/components/ui/page-status";
import type { BackendPort } from "@/lib/backend/port";

export function KeepGuestResult() {
  return <RequireAuth>{({ backend }) => <Keeping backend={backend} />}</RequireAuth>;
}

function Keeping({ backend }: { backend: BackendPort }) {
  const t = useTranslations("guest");
  const router = useRouter();
  const state = useKeepGuestResult(backend);
  useEffect(() => {
    if (state.status === "kept") router.replace(`/analyses/${state.id}`);
  }, [state, router]);

  if (state.status === "nothing") {
    return (
      <PageStatus
        tone="info"
        title={t("keepTitle")}
        message={t("nothingToKeep")}
        action={{ label: t("goToHistory"), href: "/history" }}
      />
    );
  }
  if (state.status === "error") {
    return (
      <PageStatus
        tone="error"
        title={t("keepTitle")}
        message={state.message}
        action={{ label: t("goToHistory"), href: "/history" }}
      />
    );
  }
  return <PageStatus tone="loading" title={t("keepingTitle")} />;
}
