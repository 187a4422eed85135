import { useLocale } from "next-intl";
import { useMemo } from "react";
import { formatDateTime, formatList, formatNumber, formatRm } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";

/** Dates, numbers, lists and RM in the person's language, with Malaysian conventions (lib/i18n/format.ts). */
export function useLocaleFormat() {
  const current = useLocale();
  const locale = isLocale(current) ? current : "en";
  return useMemo(
    () => ({
      locale,
      rm: (value: number) => formatRm(value, locale),
      dateTime: (value: Date | string, options: Intl.DateTimeFormatOptions) => formatDateTime(value, locale, options),
      list: (items: readonly string[], join?: "and" | "or") => formatList(items, locale, join),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
    }),
    [locale],
  );
}
