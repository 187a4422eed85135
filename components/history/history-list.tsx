"use client";

import { useCallback, useEffect, useState } from "react";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";
import { describeError } from "@/components/backend/error-message";
import { useAction } from "@/components/backend/use-action";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageStatus } from "@/components/ui/page-status";
import { HistoryItem } from "./history-item";
import { TrendCharts } from "./trend-chart";
import { useClearFailed } from "./use-clear-failed";

type Load = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; items: Analysis[]; nextCursor: string | null };

export function HistoryList({ backend }: { backend: BackendPort }) {
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const more = useAction("We couldn't load more checks.");
  const [pending, setPending] = useState<Analysis | null>(null);
  const deleting = useAction("We couldn't delete it. Please try again.");
  const [announcement, setAnnouncement] = useState("");
  const [confirmClear, setConfirmClear] = useState(false);
  const onCleared = useCallback((ids: readonly string[]) => {
    setLoad((l) => (l.kind === "ready" ? { ...l, items: l.items.filter((a) => !ids.includes(a.id)) } : l));
    setAnnouncement(`${ids.length} failed ${ids.length === 1 ? "check" : "checks"} deleted.`);
  }, []);
  const clearing = useClearFailed(backend, onCleared);

  // State is set only once the page arrives: the first render already shows "loading".
  const fetchFirst = useCallback(
    () =>
      backend.listAnalyses(null).then(
        (page) => setLoad({ kind: "ready", items: page.items, nextCursor: page.nextCursor }),
        (error: unknown) => setLoad({ kind: "error", message: describeError(error, "We couldn't load your history.") }),
      ),
    [backend],
  );
  useEffect(() => {
    void fetchFirst();
  }, [fetchFirst]);
  const loadFirst = () => {
    setLoad({ kind: "loading" });
    void fetchFirst();
  };

  if (load.kind === "loading") return <PageStatus tone="loading" title="Loading your history…" />;
  if (load.kind === "error") return <PageStatus tone="error" title="We couldn't load your history" message={load.message} action={{ label: "Try again", onClick: loadFirst }} />;
  if (load.items.length === 0) {
    return (
      <PageStatus
        tone="empty"
        title="No skin checks yet"
        message="Take a selfie and answer six quick questions to get your first scores and three product picks."
        action={{ label: "Start your first skin check", href: "/analyze" }}
      />
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
      setAnnouncement("Skin check and photo deleted.");
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
          <h2 id="checks-heading" className="text-xl font-bold tracking-tight">
            Your checks
          </h2>
          {failedCount > 0 ? (
            <button type="button" className={buttonStyles.secondary} onClick={() => setConfirmClear(true)}>
              Clear failed checks
            </button>
          ) : null}
        </div>
        <ul className="flex flex-col gap-3">
          {load.items.map((analysis) => (
            <HistoryItem key={analysis.id} analysis={analysis} backend={backend} onDelete={() => setPending(analysis)} />
          ))}
        </ul>
        {load.nextCursor ? (
          <button type="button" className={`${buttonStyles.secondary} self-center`} onClick={() => void loadMore()} disabled={more.busy}>
            {more.busy ? "Loading…" : "Show older checks"}
          </button>
        ) : null}
        {more.error ? <p role="alert" className="text-center text-sm text-red-800">{more.error}</p> : null}
      </section>
      <TrendCharts analyses={load.items} />
      <ConfirmDialog
        open={confirmClear}
        title="Delete every failed check?"
        message="This removes all checks that did not finish, with their photos. Completed checks stay."
        confirmLabel="Delete failed checks"
        busy={clearing.busy}
        error={clearing.error}
        onConfirm={() => void clearing.clear().then((ok) => ok && setConfirmClear(false))}
        onCancel={() => {
          setConfirmClear(false);
          clearing.reset();
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        title="Delete this skin check?"
        message="This permanently removes the results and the photo. It can't be undone."
        confirmLabel="Delete"
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
