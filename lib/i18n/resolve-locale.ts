import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/**
 * The person's saved choice wins; else the first language in Accept-Language that Skinsight speaks
 * (by quality, then order); else English. "ms-MY", "ms" and "zsm" all read as Malay.
 */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  for (const tag of rankLanguages(input.acceptLanguage ?? "")) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

function matchLocale(tag: string): Locale | null {
  const primary = tag.toLowerCase().split("-")[0] ?? "";
  if (primary === "ms" || primary === "zsm") return "ms";
  if (primary === "en") return "en";
  return null;
}

/** Language tags of an Accept-Language header, best first; q=0 means "not this one". */
function rankLanguages(header: string): string[] {
  return header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}
