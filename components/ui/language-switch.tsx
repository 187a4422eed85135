"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale } from "@/lib/i18n/locales";

/**
 * Offers the other language, written in that language, as bilingual sites in Malaysia do. The choice is saved in
 * a cookie that the server reads on every request (lib/i18n/request.ts), so it holds across reloads and visits.
 * `locale` and `labels` come from the server (site-header.tsx): no translator ships for four words.
 */
export function LanguageSwitch({
  locale,
  labels,
}: {
  locale: Locale;
  labels: Record<"switchTo" | "switchToShort" | "switchLabel" | "switching", string>;
}) {
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
      aria-label={labels.switchLabel}
      className="rounded-full px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      <span className="sm:hidden" aria-hidden="true">
        {labels.switchToShort}
      </span>
      <span className="hidden sm:inline" aria-hidden="true">
        {labels.switchTo}
      </span>
      {pending ? (
        <span className="sr-only" role="status">
          {labels.switching}
        </span>
      ) : null}
    </button>
  );
}
