"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { BackendPort } from "@/lib/backend/port";
import { RequireAuth } from "@/components/auth/require-auth";
import { GUEST_TEXT } from "@/components/guest/guest-text";
import { useKeepGuestResult } from "@/components/guest/use-keep-guest-result";
import { PageStatus } from "@/components/ui/page-status";

export function KeepGuestResult() {
  return <RequireAuth>{({ backend }) => <Keeping backend={backend} />}</RequireAuth>;
}

function Keeping({ backend }: { backend: BackendPort }) {
  const router = useRouter();
  const state = useKeepGuestResult(backend);
  useEffect(() => {
    if (state.status === "kept") router.replace(`/analyses/${state.id}`);
  }, [state, router]);

  if (state.status === "nothing") {
    return <PageStatus tone="info" title={GUEST_TEXT.keepTitle} message={GUEST_TEXT.nothingToKeep} action={{ label: GUEST_TEXT.goToHistory, href: "/history" }} />;
  }
  if (state.status === "error") {
    return <PageStatus tone="error" title={GUEST_TEXT.keepTitle} message={state.message} action={{ label: GUEST_TEXT.goToHistory, href: "/history" }} />;
  }
  return <PageStatus tone="loading" title={GUEST_TEXT.keepingTitle} />;
}
