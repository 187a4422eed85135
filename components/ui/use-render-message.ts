import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { MessageValue } from "@/lib/domain/message";
import { isLocale } from "@/lib/i18n/locales";
import { renderMessage, renderValue } from "@/lib/i18n/render-message";

/**
 * Turns the domain's message keys into the person's language. Works in client components and in
 * non-async server components alike; a client component needs the namespaces its messages use
 * (see ClientMessages).
 */
export function useRenderMessage(): (value: MessageValue) => string {
  const t = useTranslations();
  const current = useLocale();
  const locale = isLocale(current) ? current : "en";
  return useCallback(
    (value: MessageValue) => {
      const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
      return typeof value === "object" && "key" in value
        ? renderMessage(translate, value, locale)
        : renderValue(translate, value, locale);
    },
    [t, locale],
  );
}
