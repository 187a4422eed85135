"use client";

import { useTranslations } from "next-intl";
import { useRenderMessage } from "@/components/ui/use-render-message";
import type { Survey } from "@/lib/domain/survey";
import { answerRows } from "./summary";

/** The answers behind the picks, collapsed by default, with a way back to change them. */
export function AnswersUsed({ survey, onChange }: { survey: Survey; onChange: () => void }) {
  const t = useTranslations("results.answers");
  const render = useRenderMessage();
  return (
    <details className="rounded-2xl border border-slate-200 bg-white p-5" data-testid="answers-used">
      <summary className="cursor-pointer font-semibold text-slate-900">{t("heading")}</summary>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {answerRows(survey).map((row) => (
          <div key={row.label.key} className="contents">
            <dt className="font-medium text-slate-700">{render(row.label)}</dt>
            <dd className="text-slate-900">{render(row.value)}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        onClick={onChange}
        className="mt-4 font-semibold text-brand-700 underline underline-offset-4"
      >
        {t("change")}
      </button>
    </details>
  );
}
