import { useCallback, useEffect, useState } from "react";
import { isBackendError } from "@/components/backend/error-message";
import { useAction } from "@/components/backend/use-action";
import { useErrorText } from "@/components/backend/use-error-text";
import { trackStatus, type StageTrack } from "@/components/shared/stages";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";

export type LiveProblem = { kind: "not-found" } | { kind: "error"; message: string };

/**
 * One analysis as it happens: subscribes to its record, starts the run once the photo is in, keeps
 * the stages seen live (with their durations), loads the photo's URL, and retries on request.
 */
export function useLiveAnalysis(backend: BackendPort, id: string) {
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [track, setTrack] = useState<StageTrack | null>(null);
  const [problem, setProblem] = useState<LiveProblem | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const describeError = useErrorText();
  const action = useAction();
  const { fail, run } = action;

  useEffect(() => {
    let startRequested = false;
    return backend.observeAnalysis(
      id,
      (next) => {
        setAnalysis(next);
        setTrack((prev) => trackStatus(prev, next.status, performance.now()));
        // Starting is idempotent; doing it here, once subscribed, means no stage happens unseen.
        if (next.status === "UPLOADED" && !startRequested) {
          startRequested = true;
          backend.startAnalysis(id).catch((error: unknown) => {
            if (!isBackendError(error, "CONFLICT")) fail(error);
          });
        }
      },
      (error) =>
        setProblem(
          error.code === "NOT_FOUND" || error.code === "UNAUTHENTICATED"
            ? { kind: "not-found" }
            : { kind: "error", message: describeError(error) },
        ),
    );
  }, [backend, id, fail, describeError]);

  // The URL depends on the stored image only, not on every status change.
  const analysisId = analysis?.id ?? null;
  const imageKey = analysis?.imageKey ?? null;
  useEffect(() => {
    if (analysisId === null || imageKey === null) return;
    let live = true;
    backend.getImageUrl({ id: analysisId, imageKey }).then(
      (url) => live && setImageUrl(url),
      () => live && setImageUrl(null),
    );
    return () => {
      live = false;
    };
  }, [backend, analysisId, imageKey]);

  const retry = useCallback(() => void run(() => backend.startAnalysis(id)), [backend, id, run]);

  return { analysis, track, problem, imageUrl, action: { busy: action.busy, error: action.error }, retry };
}
