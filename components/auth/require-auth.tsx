"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { PageStatus } from "@/components/ui/page-status";
import type { BackendPort, User } from "@/lib/backend/port";
import { useCheckedSession } from "./session-provider";

interface Props {
  children: (ctx: { backend: BackendPort; user: User }) => ReactNode;
}

/** Protected pages: signed-out visitors go to /sign-in and come back to the same address afterwards. */
export function RequireAuth({ children }: Props) {
  const t = useTranslations("auth.gate");
  // Signed out on the hint alone (this browser never signed in): the backend is asked before anyone is sent away.
  const { session, refresh } = useCheckedSession();
  const router = useRouter();
  const pathname = usePathname();

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
        title={t("unreachable")}
        message={t("checkConnection")}
        action={{ label: t("tryAgain"), onClick: () => void refresh() }}
      />
    );
  }
  const leaving = session.status === "signed-out" && session.checked;
  return <PageStatus tone="loading" title={leaving ? t("redirecting") : t("loading")} />;
}

/** Only same-site paths are allowed as a return address, so /sign-in?next= cannot send people elsewhere. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/analyze";
  return next;
}
