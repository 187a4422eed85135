"use client";

import { useEffect, useState } from "react";
import { loadBackend } from "@/lib/backend";
import type { BackendPort } from "@/lib/backend/port";

// One adapter per tab: loadBackend() may configure SDKs or open connections, so share the promise.
let pending: Promise<BackendPort> | null = null;

export function getBackend(): Promise<BackendPort> {
  const current =
    pending ??
    loadBackend().catch((error: unknown) => {
      pending = null; // let a later render retry instead of caching the failure
      throw error;
    });
  pending = current;
  return current;
}

export type BackendState =
  | { status: "loading"; backend: null; error: null }
  | { status: "ready"; backend: BackendPort; error: null }
  | { status: "error"; backend: null; error: Error };

export function useBackend(): BackendState {
  const [state, setState] = useState<BackendState>({ status: "loading", backend: null, error: null });
  useEffect(() => {
    let live = true;
    getBackend().then(
      (backend) => live && setState({ status: "ready", backend, error: null }),
      (error: unknown) =>
        live && setState({ status: "error", backend: null, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
