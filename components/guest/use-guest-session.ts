"use client";

import { useCallback, useEffect, useState } from "react";
import { useErrorTextRef } from "@/components/backend/use-error-text";
import type { BackendPort } from "@/lib/backend/port";

export type GuestSession = { status: "starting" } | { status: "ready" } | { status: "error"; message: string };

/** Starts (or reuses) this browser's guest session before the wizard can create the check. */
export function useGuestSession(backend: BackendPort | null): { state: GuestSession; retry(): void } {
  const [state, setState] = useState<GuestSession>({ status: "starting" });
  const [attempt, setAttempt] = useState(0);
  const describe = useErrorTextRef();

  useEffect(() => {
    if (!backend) return;
    let live = true;
    backend.beginGuestCheck().then(
      () => live && setState({ status: "ready" }),
      (error: unknown) => live && setState({ status: "error", message: describe.current(error) }),
    );
    return () => {
      live = false;
    };
  }, [backend, attempt, describe]);

  const retry = useCallback(() => {
    setState({ status: "starting" });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
