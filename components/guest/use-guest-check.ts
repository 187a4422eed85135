"use client";

import { useEffect, useState } from "react";
import { isBackendError } from "@/components/backend/error-message";
import { useErrorTextRef } from "@/components/backend/use-error-text";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";
import { saveGuestClaim } from "./guest-claim-storage";

export type GuestCheck =
  | { phase: "loading" }
  | { phase: "running"; analysis: Analysis }
  | { phase: "failed"; analysis: Analysis }
  /** Shown and already deleted on the server: the page holds the only copy (the photo as a blob: URL). */
  | { phase: "shown"; analysis: Analysis; imageUrl: string | null; canKeep: boolean }
  | { phase: "ended" }
  | { phase: "error"; message: string };

/** Reads the photo into this page before the server deletes it. */
async function keepPhotoInPage(backend: BackendPort, analysis: Analysis): Promise<string | null> {
  const url = await backend.getImageUrl(analysis).catch(() => null);
  if (!url) return null;
  // Cloud guest checks never leave the page's memory: the adapter already hands out an in-page copy.
  if (url.startsWith("blob:")) return url;
  const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
  return response?.ok ? URL.createObjectURL(await response.blob()) : null;
}

/**
 * A guest check's results page: follows the run live, and the moment the result is complete it is
 * shown and acknowledged, which deletes everything of it on the server (the page keeps a copy).
 */
export function useGuestCheck(backend: BackendPort, id: string): GuestCheck {
  const [state, setState] = useState<GuestCheck>({ phase: "loading" });
  const describe = useErrorTextRef();

  useEffect(() => {
    let live = true;
    let started = false;
    let finishing = false;
    let photoUrl: string | null = null;

    const finish = async (analysis: Analysis) => {
      photoUrl = await keepPhotoInPage(backend, analysis);
      try {
        const { claim } = await backend.finishGuestCheck(analysis.id);
        if (live) setState({ phase: "shown", analysis, imageUrl: photoUrl, canKeep: saveGuestClaim(claim) });
      } catch (error) {
        if (live) setState({ phase: "error", message: describe.current(error) });
      }
    };

    let stop: () => void = () => undefined;
    stop = backend.observeAnalysis(
      id,
      (analysis) => {
        if (!live || finishing) return;
        if (analysis.status === "COMPLETE") {
          finishing = true;
          // Stop listening first: the deletion that follows is not an error to show.
          queueMicrotask(() => stop());
          void finish(analysis);
          return;
        }
        setState(analysis.status === "FAILED" ? { phase: "failed", analysis } : { phase: "running", analysis });
        if (analysis.status === "UPLOADED" && !started) {
          started = true;
          backend.startAnalysis(id).catch((error: unknown) => {
            if (live && !isBackendError(error, "CONFLICT"))
              setState({ phase: "error", message: describe.current(error) });
          });
        }
      },
      (error) => {
        if (!live || finishing) return;
        const gone = error.code === "NOT_FOUND" || error.code === "UNAUTHENTICATED";
        setState(gone ? { phase: "ended" } : { phase: "error", message: describe.current(error) });
      },
    );
    return () => {
      live = false;
      stop();
      if (photoUrl) URL.revokeObjectURL(photoUrl);
    };
  }, [backend, id, describe]);

  return state;
}
