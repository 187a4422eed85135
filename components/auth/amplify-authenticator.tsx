"use client";

import "@aws-amplify/ui-react/styles.css";
import { Authenticator } from "@aws-amplify/ui-react";
import { useEffect } from "react";
import { PageStatus } from "@/components/ui/page-status";

/**
 * Amplify mode only: Cognito's own flows, including the emailed confirmation code. Loaded on demand, so local
 * mode never ships the Amplify UI (about 130 KB gz) nor warns that Amplify is not configured.
 */
export default function AmplifyAuthenticator({
  wantsSignUp,
  onSignedIn,
}: {
  wantsSignUp: boolean;
  onSignedIn: () => void;
}) {
  return (
    <div className="skinsight-auth">
      <Authenticator
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

/** Rendered once the Authenticator reaches "authenticated" (after sign-in, or with an existing session). */
function SignedIn({ onSignedIn }: { onSignedIn: () => void }) {
  useEffect(() => onSignedIn(), [onSignedIn]);
  return <PageStatus tone="loading" title="Signed in. Taking you back…" />;
}
