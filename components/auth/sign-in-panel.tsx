"use client";

import "@aws-amplify/ui-react/styles.css";
import { Authenticator } from "@aws-amplify/ui-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, type ComponentProps } from "react";
import type { BackendPort } from "@/lib/backend/port";
import { useBackend } from "@/components/backend/use-backend";
import { PageStatus } from "@/components/ui/page-status";
import { safeNextPath } from "./require-auth";
import { useSession } from "./session-provider";

type Services = NonNullable<ComponentProps<typeof Authenticator>["services"]>;

/**
 * In local mode the Authenticator's Cognito calls are replaced by the port. The machine still calls
 * fetchUserAttributes() from aws-amplify after sign-in; with no Cognito configured that rejects and
 * the machine treats it as "no attributes to verify", then asks our getCurrentUser. Its default
 * getAmplifyConfig copes with no Cognito config; the loginMechanisms prop fills the gap.
 */
function localServices(backend: BackendPort, onSignedIn: () => void): Services {
  const services = {
    async getCurrentUser() {
      const user = await backend.getCurrentUser();
      if (!user) throw new Error("Not signed in.");
      return { userId: user.id, username: user.email };
    },
    async handleSignIn({ username, password }: { username: string; password?: string }) {
      await backend.signIn(username, password ?? "");
      onSignedIn();
      return { isSignedIn: true, nextStep: { signInStep: "DONE" as const } };
    },
    async handleSignUp({ username, password }: { username: string; password: string }) {
      const user = await backend.signUp(username, password);
      // Local accounts need no e-mail code: the person is signed in as soon as the account exists.
      onSignedIn();
      return { isSignUpComplete: true, userId: user.id, nextStep: { signUpStep: "DONE" as const } };
    },
  };
  // Amplify types each service as the SDK's overloaded function (with and without an AmplifyContext);
  // the Authenticator only ever calls the single-argument form implemented here.
  return services as unknown as Services;
}

export function SignInPanel() {
  const state = useBackend();
  const router = useRouter();
  const params = useSearchParams();
  const { refresh } = useSession();
  const next = safeNextPath(params.get("next"));
  const onSignedIn = useCallback(() => {
    void refresh().then(() => router.replace(next));
  }, [refresh, router, next]);

  const services = useMemo(() => {
    const backend = state.backend;
    if (backend?.mode !== "local") return undefined;
    let leaving = false; // sign-in can report success twice (our callback and the machine); go once
    return localServices(backend, () => {
      if (leaving) return;
      leaving = true;
      onSignedIn();
    });
  }, [state.backend, onSignedIn]);

  if (state.status === "loading") return <PageStatus tone="loading" title="Loading sign-in…" />;
  if (state.status === "error") {
    return <PageStatus tone="error" title="Sign-in is unavailable" message="Please refresh the page in a moment." />;
  }

  const wantsSignUp = params.get("mode") === "sign-up";
  return (
    <div className="skinsight-auth">
      <Authenticator
        services={services}
        // Local accounts have no e-mail service, so there is no password-reset flow to offer.
        components={services ? { SignIn: { Footer: NoFooter } } : undefined}
        initialState={wantsSignUp ? "signUp" : "signIn"}
        loginMechanisms={["email"]}
        formFields={{
          signIn: { username: { label: "Email", placeholder: "you@example.com" } },
          signUp: { email: { label: "Email", placeholder: "you@example.com", order: 1 } },
        }}
      >
        {() => <SignedIn onSignedIn={onSignedIn} />}
      </Authenticator>
    </div>
  );
}

function NoFooter() {
  return null;
}

/** Rendered once the Authenticator reaches "authenticated" (Cognito mode, or an existing session). */
function SignedIn({ onSignedIn }: { onSignedIn: () => void }) {
  useEffect(() => onSignedIn(), [onSignedIn]);
  return <PageStatus tone="loading" title="Signed in. Taking you back…" />;
}
