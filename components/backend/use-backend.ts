"use client";

import { useEffect, useState } from "react";
import { loadBackend } from "@/lib/backend";
import type { BackendPort } from "@/lib/backend/port";

export type BackendState =
  | { status: "loading"; backend: null; error: null }
  | { status: "ready"; backend: BackendPort; error: null }
  | { status: "error"; backend: null; error: Error };

export function useBackend(): BackendState {
  const [state, setState] = useState<BackendState>({ status: "loading", backend: null, error: null });
  useEffect(() => {
    let live = true;
    loadBackend().then(
      (backend) => live && setState({ status: "ready", backend, error: null }),
      (error: unknown) =>
        live &&
        setState({ status: "error", backend: null, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
