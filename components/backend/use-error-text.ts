import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { BackendError } from "@/lib/backend/port";

/**
 * A failed request in words for the person. The servers write their messages in English, which are the most
 * specific in English; in another language the error's code picks a message of the same meaning.
 */
export function useErrorText(): (error: unknown, fallback?: string) => string {
  const t = useTranslations("common.backendError");
  const english = useLocale() === "en";
  return useCallback(
    (error: unknown, fallback?: string) => {
      if (error instanceof BackendError) return english ? error.message : t(error.code);
      if (typeof console !== "undefined") console.error(error);
      return fallback ?? t("INTERNAL");
    },
    [t, english],
  );
}
