"use client";

/* eslint-disable @next/next/no-img-element -- private thumbnails come from an authenticated URL */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useLocaleFormat } from "@/components/ui/use-locale-format";
import { useRenderMessage } from "@/components/ui/use-render-message";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";
import { historyStatus, historyTitle, isPhotoFailure } from "./history-labels";

const STATUS_STYLE: Record<Analysis["status"], string> = {
  CREATED: "bg-slate-100 text-slate-700",
  UPLOADED: "bg-sky-100 text-sky-900",
  ANALYZING: "bg-sky-100 text-sky-900",
  RECOMMENDING: "bg-sky-100 text-sky-900",
  COMPLETE: "bg-brand-100 text-brand-900",
  FAILED: "bg-red-100 text-red-900",
};

export function HistoryItem({
  analysis,
  backend,
  onDelete,
}: {
  analysis: Analysis;
  backend: BackendPort;
  onDelete: () => void;
}) {
  const t = useTranslations("history");
  const render = useRenderMessage();
  const format = useLocaleFormat();
  const [thumb, setThumb] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    backend.getImageUrl(analysis).then(
      (url) => live && setThumb(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [backend, analysis]);

  const when = format.dateTime(analysis.createdAt, { dateStyle: "medium", timeStyle: "short" });
  const photoFailed = isPhotoFailure(analysis);
  return (
    <li
      className="flex items-center gap-4 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4"
      data-testid="history-item"
    >
      <div className="size-20 shrink-0 overflow-hidden rounded-xl bg-slate-100">
        {thumb ? <img src={thumb} alt="" className="size-full object-cover" loading="lazy" /> : null}
      </div>
      <div className="min-w-0 flex-1">
        <Link
          href={`/analyses/${analysis.id}`}
          className="font-semibold text-slate-900 underline-offset-4 hover:underline"
        >
          {render(historyTitle(analysis))}
          <span className="sr-only">, {when}</span>
        </Link>
        <p className="mt-0.5 truncate text-sm text-slate-700">{when}</p>
        <span
          className={`mt-1 inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${
            photoFailed ? "bg-amber-100 text-amber-900" : STATUS_STYLE[analysis.status]
          }`}
        >
          {render(historyStatus(analysis))}
        </span>
      </div>
      <button
        type="button"
        onClick={onDelete}
        className="rounded-full px-3 py-2 text-sm font-semibold text-red-700 hover:bg-red-50"
      >
        {t("delete")}
        <span className="sr-only"> {t("deleteFrom", { when })}</span>
      </button>
    </li>
  );
}
