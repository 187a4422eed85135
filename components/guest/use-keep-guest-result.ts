"use client";

import { useEffect, useState } from "react";
import { useErrorTextRef } from "@/components/backend/use-error-text";
import type { BackendPort } from "@/lib/backend/port";
import { clearGuestClaim, loadGuestClaim } from "./guest-claim-storage";

export type KeepState =
  { status: "keeping" } | { status: "kept"; id: string } | { status: "nothing" } | { status: "error"; message: string };

/** Signed in now: hands the tab's copy of the guest result to the backend, once. */
export function useKeepGuestResult(backend: BackendPort): KeepState {
  const [state, setState] = useState<KeepState>({ status: "keeping" });
  const describe = useErrorTextRef();
  useEffect(() => {
    let live = true;
    const claim = loadGuestClaim();
    if (!claim) {
      queueMicrotask(() => live && setState({ status: "nothing" }));
      return;
    }
    backend.keepGuestResult(claim).then(
      (analysis) => {
        clearGuestClaim();
        if (live) setState({ status: "kept", id: analysis.id });
      },
      (error: unknown) => live && setState({ status: "error", message: describe.current(error) }),
    );
    return () => {
      live = false;
    };
  }, [backend, describe]);
  return state;
}
