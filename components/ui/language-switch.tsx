"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale } from "@/lib/i18n/locales";

/**
 * Offers the other language, written in that language, as bilingual sites in Malaysia do. The choice is saved in
 * a cookie that the server reads on every request (lib/i18n/request.ts), so it holds across reloads and visits.
 */
export function LanguageSwitch() {
  const t = useTranslations("common.language");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next: Locale = locale === "ms" ? "en" : "ms";

  const onSwitch = () => {
    document.cookie = `${LOCALE_COOKIE}=${next}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE_S}; SameSite=Lax`;
    // Server components re-render with the new cookie; client state (a half-filled survey) is kept.
    startTransition(() => router.refresh());
  };

  return (
    <button
      type="button"
      lang={next}
      onClick={onSwitch}
      disabled={pending}
      aria-label={t("switchLabel")}
      className="rounded-full px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      <span className="sm:hidden" aria-hidden="true">
        {t("switchToShort")}
      </span>
      <span className="hidden sm:inline" aria-hidden="true">
        {t("switchTo")}
      </span>
      {pending ? (
        <span className="sr-only" role="status">
          {t("switching")}
        </span>
      ) : null}
    </button>
  );
}
