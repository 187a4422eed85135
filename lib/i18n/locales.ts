/** The languages Skinsight speaks. `en` is the fallback when neither the person nor the browser picks one. */
export const LOCALES = ["en", "ms"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** next-intl's own cookie name, set by the header's language switch and read by lib/i18n/request.ts. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A year: the choice should outlive the session, as a person expects of a language setting. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Dates, numbers and RM are formatted the Malaysian way in both languages (e.g. "RM 45.00", "3:12 PTG"). */
export function toIntlLocale(locale: Locale): string {
  return locale === "ms" ? "ms-MY" : "en-MY";
}

/** All times are shown in Malaysian time, so the server's and the browser's renderings agree. */
export const TIME_ZONE = "Asia/Kuala_Lumpur";
