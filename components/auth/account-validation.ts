import { emailProblem, passwordProblem } from "@/lib/domain/account-rules";
import { message, type Message } from "@/lib/domain/message";

export type AccountMode = "sign-up" | "sign-in";
export interface AccountValues {
  email: string;
  password: string;
  confirm: string;
}
export type AccountField = keyof AccountValues;
export type AccountErrors = Partial<Record<AccountField, Message>>;

export const MISMATCH = message("auth.error.mismatch");

/**
 * Every error the current values have, recomputed from scratch on each change, so an error disappears the
 * moment its field is fixed and a mismatch never sits next to a stale "too short".
 */
export function accountErrors(values: AccountValues, mode: AccountMode): AccountErrors {
  const errors: AccountErrors = {};
  const email = emailProblem(values.email);
  if (email !== null) errors.email = email;
  if (mode === "sign-in") {
    if (values.password === "") errors.password = message("auth.error.passwordMissing");
    return errors;
  }
  const password = passwordProblem(values.password);
  if (password !== null) errors.password = password;
  else if (values.confirm !== values.password) errors.confirm = MISMATCH;
  return errors;
}

/** Only errors of fields the person has left (or all of them after a submit) are shown. */
export function visibleErrors(errors: AccountErrors, touched: ReadonlySet<AccountField>): AccountErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => touched.has(field as AccountField)));
}
