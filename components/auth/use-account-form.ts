"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from "react";
import { useErrorText } from "@/components/backend/use-error-text";
import { BackendError, type BackendPort } from "@/lib/backend/port";
import {
  accountErrors,
  visibleErrors,
  type AccountField,
  type AccountMode,
  type AccountValues,
} from "./account-validation";

const EMPTY: AccountValues = { email: "", password: "", confirm: "" };
const ALL: readonly AccountField[] = ["email", "password", "confirm"];
/** Remembered after the first sign-in on this device, so a returning visitor sees "Sign in" first. */
export const HAS_ACCOUNT_KEY = "skinsight:has-account";

function rememberedMode(): AccountMode {
  try {
    return window.localStorage.getItem(HAS_ACCOUNT_KEY) === "1" ? "sign-in" : "sign-up";
  } catch {
    return "sign-up";
  }
}

/** The id of a field's input (account-form.tsx), for moving focus to it; "submit" is the form's button. */
export const accountFieldId = (field: AccountField | "submit") => `account-${field}`;

/** Where a refused request leaves the person: the field to retype, or the button to try again. */
function fieldToMend(error: unknown, mode: AccountMode): AccountField | "submit" {
  if (!(error instanceof BackendError)) return "submit";
  if (error.reason === "EMAIL_TAKEN") return "email";
  if (error.reason === "BAD_CREDENTIALS" || error.code === "WRONG_PASSWORD") return "password";
  // Cognito's own password rules, which the form's checks may not cover.
  if (mode === "sign-up" && error.code === "INVALID_INPUT") return "password";
  return "submit";
}

/** Nothing announces a change of the remembered flag within a tab, so there is nothing to subscribe to. */
const noChanges = () => () => undefined;

const asMode = (requested: string | null): AccountMode | null =>
  requested === "sign-up" || requested === "sign-in" ? requested : null;

/** State and submit for the local-mode account form; the component only renders what this returns. */
export function useAccountForm(
  loadBackend: () => Promise<BackendPort>,
  requestedMode: string | null,
  onSignedIn: () => void,
) {
  // The server renders "Create Account" (a new visitor's tab); a returning visitor is switched after hydration.
  // localStorage only exists in the browser: the server snapshot is "sign-up", and hydration then re-renders.
  const remembered = useSyncExternalStore(noChanges, rememberedMode, () => "sign-up" as const);
  const [chosen, setModeState] = useState<AccountMode | null>(null);
  const mode = chosen ?? asMode(requestedMode) ?? remembered;
  const [values, setValues] = useState<AccountValues>(EMPTY);
  const [touched, setTouched] = useState<ReadonlySet<AccountField>>(new Set());
  const [serverError, setServerError] = useState<string | null>(null);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  // Moved once the render that shows the field's error (or re-enables the button) is on screen, so a screen reader
  // reads the field with its error. A counter, so the same field twice still moves focus.
  const [focusRequest, setFocusRequest] = useState<{ field: AccountField | "submit"; n: number } | null>(null);
  const focusOn = useCallback(
    (field: AccountField | "submit") => setFocusRequest((r) => ({ field, n: (r?.n ?? 0) + 1 })),
    [],
  );
  useEffect(() => {
    if (focusRequest) document.getElementById(accountFieldId(focusRequest.field))?.focus();
  }, [focusRequest]);

  const errors = useMemo(() => accountErrors(values, mode), [values, mode]);
  const shown = useMemo(() => visibleErrors(errors, touched), [errors, touched]);

  const setMode = useCallback((next: AccountMode) => {
    setModeState(next);
    setTouched(new Set());
    setServerError(null);
  }, []);

  const change = useCallback((field: AccountField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerError(null); // a server complaint is about the old values
  }, []);

  const blur = useCallback((field: AccountField) => {
    setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
  }, []);

  const submit = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      setTouched(new Set(ALL));
      if (busy) return;
      const invalid = ALL.find((field) => errors[field]);
      // Keyboard and screen-reader users land on what to mend, not on a button that did nothing.
      if (invalid) return focusOn(invalid);
      setBusy(true);
      setServerError(null);
      try {
        const backend = await loadBackend();
        if (mode === "sign-up") await backend.signUp(values.email, values.password);
        else await backend.signIn(values.email, values.password);
        try {
          window.localStorage.setItem(HAS_ACCOUNT_KEY, "1");
        } catch {
          // private browsing may refuse storage; the default tab is only a convenience
        }
        onSignedIn();
      } catch (error) {
        setServerError(errorText(error));
        setBusy(false);
        // The button was disabled while busy, which dropped focus to the page.
        focusOn(fieldToMend(error, mode));
      }
    },
    [errors, busy, mode, loadBackend, values, onSignedIn, errorText, focusOn],
  );

  return { mode, setMode, values, change, blur, errors: shown, serverError, busy, submit };
}
