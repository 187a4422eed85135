"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useRef } from "react";
import { PageStatus } from "@/components/ui/page-status";
import { AccountForm } from "./account-form";
import { safeNextPath } from "./require-auth";
import { useSession } from "./session-provider";

// The backend (zod, the adapter) is fetched only when the form is submitted, not with the page.
const getBackend = () => import("@/lib/backend").then((m) => m.loadBackend());

// The Authenticator reads Cognito's settings (password policy, reset) from the Amplify config, which loading the
// backend applies. The session provider no longer loads it for a browser that never signed in, so load it here.
const AmplifyAuthenticator = dynamic(() => getBackend().then(() => import("./amplify-authenticator")), {
  ssr: false,
  loading: () => <SignInLoading />,
});

function SignInLoading() {
  const t = useTranslations("auth");
  return <PageStatus tone="loading" title={t("loading")} />;
}

// Fixed at build time by next.config.mjs, so the right form is in the server-rendered HTML.
const AMPLIFY = process.env.NEXT_PUBLIC_BACKEND_MODE === "amplify";

export function SignInPanel({ mode, next: nextParam }: { mode: string | null; next: string | null }) {
  const router = useRouter();
  const { session, refresh } = useSession();
  const next = safeNextPath(nextParam);
  const leaving = useRef(false); // the Authenticator can report success twice; go once
  const onSignedIn = useCallback(() => {
    if (leaving.current) return;
    leaving.current = true;
    void refresh().then(() => router.replace(next));
  }, [refresh, router, next]);

  if (AMPLIFY) {
    // The Authenticator reads Cognito's settings (the password policy) once, when it mounts; loading the
    // session is what configures Amplify from the build's outputs, so it mounts after that, not in a race with it.
    if (session.status === "loading") return <PageStatus tone="loading" title="Loading sign-in…" />;
    return <AmplifyAuthenticator wantsSignUp={mode !== "sign-in"} onSignedIn={onSignedIn} />;
  }
  return <AccountForm loadBackend={getBackend} requestedMode={mode} onSignedIn={onSignedIn} />;
}
