"use client";

import { useEffect, type ReactNode } from "react";
import { usePathname, useRouter } from "next/navigation";
import type { BackendPort, User } from "@/lib/backend/port";
import { useSession } from "./session-provider";
import { PageStatus } from "@/components/ui/page-status";

interface Props {
  children: (ctx: { backend: BackendPort; user: User }) => ReactNode;
}

/** Protected pages: signed-out visitors go to /sign-in and come back to the same address afterwards. */
export function RequireAuth({ children }: Props) {
  const { session, refresh } = useSession();
  const router = useRouter();
  const pathname = usePathname();

  // Signed out on the hint alone (this browser never signed in): ask the backend before sending anyone away.
  const unchecked = session.status === "signed-out" && !session.checked;
  useEffect(() => {
    if (unchecked) void refresh();
  }, [unchecked, refresh]);

  useEffect(() => {
    if (session.status !== "signed-out" || !session.checked) return;
    const next = `${pathname}${window.location.search}`;
    router.replace(`/sign-in?next=${encodeURIComponent(next)}`);
  }, [session, pathname, router]);

  if (session.status === "signed-in") return <>{children({ backend: session.backend, user: session.user })}</>;
  if (session.status === "error") {
    return (
      <PageStatus
        tone="error"
        title="We couldn't reach Skinsight"
        message="Check your connection, then try again."
        action={{ label: "Try again", onClick: () => void refresh() }}
      />
    );
  }
  const leaving = session.status === "signed-out" && session.checked;
  return <PageStatus tone="loading" title={leaving ? "Taking you to sign in…" : "Loading…"} />;
}

/** Only same-site paths are allowed as a return address, so /sign-in?next= cannot send people elsewhere. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/analyze";
  return next;
}
