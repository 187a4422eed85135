"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { BackendPort, User } from "@/lib/backend/port";
import { mightBeSignedIn, rememberSignedIn } from "./session-hint";

/**
 * The backend loader (zod, the adapter) is fetched after first paint: every page has this provider in its
 * layout, and static pages such as the landing page must not ship the backend in their first-load JS.
 */
const getBackend = () => import("@/lib/backend").then((m) => m.loadBackend());

/**
 * Runs `task` once the page has painted and the main thread is idle. An effect alone runs right after
 * hydration, often before the browser's first paint, so the backend's chunks (zod, the adapter: ~40 KB) and
 * the session request competed with the landing page's first paint (Lighthouse counted them in its LCP).
 */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout: 1500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 200); // Safari has no requestIdleCallback
  return () => window.clearTimeout(id);
}

export type Session =
  | { status: "loading" }
  /**
   * `checked`: the backend said so, and here it is (a guest check uses it without an account); false when only
   * the session hint did and no backend is loaded yet: `useCheckedSession` asks it.
   */
  | { status: "signed-out"; checked: false }
  | { status: "signed-out"; checked: true; backend: BackendPort }
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
          ({ backend, user }) => {
            rememberSignedIn(user !== null);
            setSession(
              user ? { status: "signed-in", backend, user } : { status: "signed-out", checked: true, backend },
            );
          },
          (error: unknown) =>
            setSession({ status: "error", error: error instanceof Error ? error : new Error(String(error)) }),
        ),
    [],
  );

  const signOut = useCallback(async () => {
    const backend = await getBackend();
    await backend.signOut();
    rememberSignedIn(false);
    setSession({ status: "signed-out", checked: true, backend });
  }, []);

  // Initial load happens in the browser: the session lives in a browser cookie or SDK store. A browser that has
  // never signed in is shown as signed out without loading the backend; a protected page still asks (RequireAuth).
  useEffect(() => {
    if (mightBeSignedIn()) return whenIdle(() => void refresh());
    // localStorage only exists after hydration; set after this effect, not in it.
    queueMicrotask(() => setSession((s) => (s.status === "loading" ? { status: "signed-out", checked: false } : s)));
  }, [refresh]);

  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>.");
  return value;
}

/**
 * The session as the backend sees it, for pages that need the backend whoever is there (protected pages, the
 * guest check): a signed-out state known only from the session hint is checked with the backend first.
 */
export function useCheckedSession(): SessionContextValue {
  const value = useSession();
  const { session, refresh } = value;
  const unchecked = session.status === "signed-out" && !session.checked;
  useEffect(() => {
    if (unchecked) void refresh();
  }, [unchecked, refresh]);
  return value;
}
