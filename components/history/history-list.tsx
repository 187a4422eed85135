"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useAction } from "@/components/backend/use-action";
import { useErrorText } from "@/components/backend/use-error-text";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageStatus } from "@/components/ui/page-status";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";
import { HistoryItem } from "./history-item";
import { TrendCharts } from "./trend-chart";
import { useClearFailed } from "./use-clear-failed";

type Load =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; items: Analysis[]; nextCursor: string | null };

export function HistoryList({ backend }: { backend: BackendPort }) {
  const t = useTranslations("history");
  const describeError = useErrorText();
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const more = useAction(t("moreError"));
  const [pending, setPending] = useState<Analysis | null>(null);
  const deleting = useAction(t("deleteError"));
  const [announcement, setAnnouncement] = useState("");
  const [confirmClear, setConfirmClear] = useState(false);
  // After a delete the focused row (its Delete button) is gone, and focus would fall to the page: it goes to the list's
  // heading, or to the empty state's first step when that was the last check.
  const [removed, setRemoved] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const empty = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (removed === 0) return;
    (heading.current ?? empty.current?.querySelector<HTMLElement>("a, button"))?.focus();
  }, [removed]);
  const onCleared = useCallback(
    (ids: readonly string[]) => {
      setLoad((l) => (l.kind === "ready" ? { ...l, items: l.items.filter((a) => !ids.includes(a.id)) } : l));
      setAnnouncement(t("clearedCount", { count: ids.length }));
    },
    [t],
  );
  const clearing = useClearFailed(backend, onCleared);

  // State is set only once the page arrives: the first render already shows "loading".
  const fetchFirst = useCallback(
    () =>
      backend.listAnalyses(null).then(
        (page) => setLoad({ kind: "ready", items: page.items, nextCursor: page.nextCursor }),
        (error: unknown) => setLoad({ kind: "error", message: describeError(error, t("loadErrorFallback")) }),
      ),
    [backend, describeError, t],
  );
  useEffect(() => {
    void fetchFirst();
  }, [fetchFirst]);
  const loadFirst = () => {
    setLoad({ kind: "loading" });
    void fetchFirst();
  };

  if (load.kind === "loading") return <PageStatus tone="loading" title={t("loading")} />;
  if (load.kind === "error")
    return (
      <PageStatus
        tone="error"
        title={t("loadError")}
        message={load.message}
        action={{ label: t("tryAgain"), onClick: loadFirst }}
      />
    );
  if (load.items.length === 0) {
    return (
      <div ref={empty}>
        <PageStatus
          tone="empty"
          title={t("empty.title")}
          message={t("empty.message")}
          action={{ label: t("empty.action"), href: "/analyze" }}
        />
      </div>
    );
  }

  const loadMore = async () => {
    const cursor = load.nextCursor;
    if (!cursor) return;
    await more.run(async () => {
      const page = await backend.listAnalyses(cursor);
      setLoad({ kind: "ready", items: [...load.items, ...page.items], nextCursor: page.nextCursor });
    });
  };

  const confirmDelete = async () => {
    if (!pending) return;
    await deleting.run(async () => {
      await backend.deleteAnalysis(pending.id);
      setLoad({ ...load, items: load.items.filter((a) => a.id !== pending.id) });
      setPending(null);
      setAnnouncement(t("deleted"));
      setRemoved((n) => n + 1);
    });
  };

  const failedCount = load.items.filter((a) => a.status === "FAILED").length;
  return (
    <div className="flex flex-col gap-10">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <section aria-labelledby="checks-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="checks-heading" ref={heading} tabIndex={-1} className="text-xl font-bold tracking-tight outline-none">
            {t("checks")}
          </h2>
          {failedCount > 0 ? (
            <button type="button" className={buttonStyles.secondary} onClick={() => setConfirmClear(true)}>
              {t("clearFailed")}
            </button>
          ) : null}
        </div>
        <ul className="flex flex-col gap-3">
          {load.items.map((analysis) => (
            <HistoryItem
              key={analysis.id}
              analysis={analysis}
              backend={backend}
              onDelete={() => setPending(analysis)}
            />
          ))}
        </ul>
        {load.nextCursor ? (
          <button
            type="button"
            className={`${buttonStyles.secondary} self-center`}
            onClick={() => void loadMore()}
            disabled={more.busy}
          >
            {more.busy ? t("loadingMore") : t("showOlder")}
          </button>
        ) : null}
        {more.error ? (
          <p role="alert" className="text-center text-sm text-red-800">
            {more.error}
          </p>
        ) : null}
      </section>
      <TrendCharts analyses={load.items} />
      <ConfirmDialog
        open={confirmClear}
        title={t("confirmClear.title")}
        message={t("confirmClear.message")}
        confirmLabel={t("confirmClear.confirm")}
        busy={clearing.busy}
        error={clearing.error}
        onConfirm={() =>
          void clearing.clear().then((ok) => {
            if (!ok) return;
            // With the dialog closing in the same render: while it is open the page behind it cannot take focus.
            setConfirmClear(false);
            setRemoved((n) => n + 1);
          })
        }
        onCancel={() => {
          setConfirmClear(false);
          clearing.reset();
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        title={t("confirmDelete.title")}
        message={t("confirmDelete.message")}
        confirmLabel={t("confirmDelete.confirm")}
        busy={deleting.busy}
        error={deleting.error}
        onConfirm={() => void confirmDelete()}
        onCancel={() => {
          setPending(null);
          deleting.reset();
        }}
      />
    </div>
  );
}
