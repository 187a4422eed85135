"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { PageStatus } from "./page-status";

/** Shared body of every route segment's error.tsx: say what happened and offer a retry. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errors.route");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main>
      <h1 className="sr-only">{t("title")}</h1>
      <PageStatus
        tone="error"
        title={t("title")}
        message={t("message")}
        action={{ label: t("retry"), onClick: reset }}
      />
    </main>
  );
}
