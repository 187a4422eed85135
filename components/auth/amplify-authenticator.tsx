"use client";

import "@aws-amplify/ui-react/styles.css";
import { Authenticator } from "@aws-amplify/ui-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { PageStatus } from "@/components/ui/page-status";
import { setAuthenticatorLanguage } from "@/lib/backend/amplify-ui-language";

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
  const t = useTranslations("auth");
  const locale = useLocale() === "ms" ? "ms" : "en";
  // Before the first render, so the Authenticator's first paint is already in the person's language.
  setAuthenticatorLanguage(locale);
  return (
    <div className="skinsight-auth" lang={locale}>
      <Authenticator
        key={locale}
        initialState={wantsSignUp ? "signUp" : "signIn"}
        loginMechanisms={["email"]}
        formFields={{
          signIn: { username: { label: t("email"), placeholder: "you@example.com" } },
          signUp: { email: { label: t("email"), placeholder: "you@example.com", order: 1 } },
        }}
      >
        {() => <SignedIn onSignedIn={onSignedIn} />}
      </Authenticator>
    </div>
  );
}

/** Rendered once the Authenticator reaches "authenticated" (after sign-in, or with an existing session). */
function SignedIn({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useTranslations("auth");
  useEffect(() => onSignedIn(), [onSignedIn]);
  return <PageStatus tone="loading" title={t("signedIn")} />;
}
