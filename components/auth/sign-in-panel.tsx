"use client";

import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useRef } from "react";
import { useBackend } from "@/components/backend/use-backend";
import { PageStatus } from "@/components/ui/page-status";
import { AccountForm } from "./account-form";
import { safeNextPath } from "./require-auth";
import { useSession } from "./session-provider";

const AmplifyAuthenticator = dynamic(() => import("./amplify-authenticator"), {
  ssr: false,
  loading: () => <PageStatus tone="loading" title="Loading sign-in…" />,
});

export function SignInPanel() {
  const state = useBackend();
  const router = useRouter();
  const params = useSearchParams();
  const { refresh } = useSession();
  const next = safeNextPath(params.get("next"));
  const leaving = useRef(false); // the Authenticator can report success twice; go once
  const onSignedIn = useCallback(() => {
    if (leaving.current) return;
    leaving.current = true;
    void refresh().then(() => router.replace(next));
  }, [refresh, router, next]);

  if (state.status === "loading") return <PageStatus tone="loading" title="Loading sign-in…" />;
  if (state.status === "error") {
    return <PageStatus tone="error" title="Sign-in is unavailable" message="Please refresh the page in a moment." />;
  }
  const mode = params.get("mode");
  if (state.backend.mode === "local") {
    return <AccountForm backend={state.backend} requestedMode={mode} onSignedIn={onSignedIn} />;
  }
  return <AmplifyAuthenticator wantsSignUp={mode !== "sign-in"} onSignedIn={onSignedIn} />;
}
