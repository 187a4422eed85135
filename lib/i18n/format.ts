import { TIME_ZONE, toIntlLocale, type Locale } from "./locales";

// Malaysian conventions in both languages: "RM 45.00", "27 Nov 2026, 3:12 PTG". next-intl's own formatter
// would use the bare language ("en" writes MYR 45.00), so these go through Intl with en-MY / ms-MY.

export function formatRm(value: number, locale: Locale): string {
  return new Intl.NumberFormat(toIntlLocale(locale), { style: "currency", currency: "MYR" }).format(value);
}

export function formatDateTime(value: Date | string, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(toIntlLocale(locale), { timeZone: TIME_ZONE, ...options }).format(new Date(value));
}

export function formatList(items: readonly string[], locale: Locale, join: "and" | "or" = "and"): string {
  return new Intl.ListFormat(toIntlLocale(locale), { type: join === "and" ? "conjunction" : "disjunction" }).format(
    items,
  );
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(toIntlLocale(locale), options).format(value);
}
