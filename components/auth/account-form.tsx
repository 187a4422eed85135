"use client";

import { useTranslations } from "next-intl";
import { useRenderMessage } from "@/components/ui/use-render-message";
import type { BackendPort } from "@/lib/backend/port";
import type { AccountField, AccountMode } from "./account-validation";
import { PasswordRules } from "./password-rules";
import { accountFieldId, useAccountForm } from "./use-account-form";

const TABS: { mode: AccountMode; label: "signUpTab" | "signInTab" }[] = [
  { mode: "sign-up", label: "signUpTab" },
  { mode: "sign-in", label: "signInTab" },
];

interface FieldProps {
  field: AccountField;
  label: string;
  type: "email" | "password";
  autoComplete: string;
  value: string;
  error: string | undefined;
  describedBy?: string;
  onChange: (field: AccountField, value: string) => void;
  onBlur: (field: AccountField) => void;
  children?: React.ReactNode;
}

function Field({
  field,
  label,
  type,
  autoComplete,
  value,
  error,
  describedBy,
  onChange,
  onBlur,
  children,
}: FieldProps) {
  const id = accountFieldId(field);
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-slate-900">
        {label}
      </label>
      <input
        id={id}
        name={field}
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(field, e.target.value)}
        onBlur={() => onBlur(field)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : null, describedBy].filter(Boolean).join(" ") || undefined}
        className="rounded-lg border border-slate-400 px-3 py-2 text-base focus:border-brand-700 focus:outline-2 focus:outline-brand-700"
      />
      {children}
      {error ? (
        <p id={errorId} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Local-mode sign-up and sign-in: the password rules of lib/domain/account.ts, shown and checked up front. */
export function AccountForm({
  loadBackend,
  requestedMode,
  onSignedIn,
}: {
  loadBackend: () => Promise<BackendPort>;
  requestedMode: string | null;
  onSignedIn: () => void;
}) {
  const form = useAccountForm(loadBackend, requestedMode, onSignedIn);
  const signUp = form.mode === "sign-up";
  const t = useTranslations("auth");
  const render = useRenderMessage();
  const errorText = (field: "email" | "password" | "confirm") => {
    const error = form.errors[field];
    return error ? render(error) : undefined;
  };
  return (
    <div className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div role="tablist" aria-label={t("tabs")} className="grid grid-cols-2 border-b border-slate-200">
        {TABS.map((tab) => (
          <button
            key={tab.mode}
            type="button"
            role="tab"
            id={`tab-${tab.mode}`}
            aria-selected={form.mode === tab.mode}
            aria-controls="account-panel"
            onClick={() => form.setMode(tab.mode)}
            className={`px-4 py-3 text-base font-semibold ${
              form.mode === tab.mode ? "border-b-2 border-brand-700 text-brand-700" : "text-slate-600"
            }`}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {/* The tab panel is a div: a form may not take the tabpanel role (ARIA in HTML). */}
      <div id="account-panel" role="tabpanel" aria-labelledby={`tab-${form.mode}`}>
        <form noValidate onSubmit={(e) => void form.submit(e)} className="flex flex-col gap-4 p-6">
          <Field
            field="email"
            label={t("email")}
            type="email"
            autoComplete="email"
            value={form.values.email}
            error={errorText("email")}
            onChange={form.change}
            onBlur={form.blur}
          />
          <Field
            field="password"
            label={t("password")}
            type="password"
            autoComplete={signUp ? "new-password" : "current-password"}
            value={form.values.password}
            error={errorText("password")}
            describedBy={signUp ? "password-rules" : undefined}
            onChange={form.change}
            onBlur={form.blur}
          >
            {signUp ? <PasswordRules id="password-rules" password={form.values.password} /> : null}
          </Field>
          {signUp ? (
            <Field
              field="confirm"
              label={t("confirm")}
              type="password"
              autoComplete="new-password"
              value={form.values.confirm}
              error={errorText("confirm")}
              onChange={form.change}
              onBlur={form.blur}
            />
          ) : null}
          {form.serverError ? (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
              {form.serverError}
            </p>
          ) : null}
          <button
            id={accountFieldId("submit")}
            type="submit"
            disabled={form.busy}
            className="rounded-full bg-brand-700 px-6 py-3 text-base font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
          >
            {form.busy ? (signUp ? t("creating") : t("signingIn")) : signUp ? t("submitSignUp") : t("submitSignIn")}
          </button>
        </form>
      </div>
    </div>
  );
}
