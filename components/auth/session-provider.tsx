"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { BackendPort, User } from "@/lib/backend/port";

/**
 * The backend loader (zod, the adapter) is fetched after first paint: every page has this provider in its
 * layout, and static pages such as the landing page must not ship the backend in their first-load JS.
 */
const getBackend = () => import("@/lib/backend").then((m) => m.loadBackend());

export type Session =
  | { status: "loading" }
  | { status: "signed-out"; backend: BackendPort }
  | { status: "signed-in"; backend: BackendPort; user: User }
  | { status: "error"; error: Error };

interface SessionContextValue {
  session: Session;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: "loading" });

  // State is set only in the promise's callbacks, so the effect below that calls this sets none itself.
  const refresh = useCallback(
    () =>
      getBackend()
        .then(async (backend) => ({ backend, user: await backend.getCurrentUser() }))
        .then(
          ({ backend, user }) => setSession(user ? { status: "signed-in", backend, user } : { status: "signed-out", backend }),
          (error: unknown) => setSession({ status: "error", error: error instanceof Error ? error : new Error(String(error)) }),
        ),
    [],
  );

  const signOut = useCallback(async () => {
    const backend = await getBackend();
    await backend.signOut();
    setSession({ status: "signed-out", backend });
  }, []);

  useEffect(() => {
    // Initial load happens after hydration: the session lives in a browser cookie or SDK store.
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>.");
  return value;
}
