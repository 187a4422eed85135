import { message, type Message } from "./message";
// The password policy and its checklist without zod, so the sign-up form can show and check them cheaply.

/**
 * One password policy for both modes, so the sign-up form reads alike locally and on Cognito.
 * Length matters more than character classes (NIST SP 800-63B §5.1.1); Cognito's policy is built from this.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  maxLength: 128,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
} as const;

/** The policy as a checklist the sign-up form shows before submit, ticked as the person types. */
export const PASSWORD_RULES: readonly {
  id: string;
  label: Message;
  message: Message;
  test: (password: string) => boolean;
}[] = [
  {
    id: "length",
    label: message("auth.rule.length", { min: PASSWORD_POLICY.minLength }),
    message: message("auth.error.passwordLength", { min: PASSWORD_POLICY.minLength }),
    test: (p) => p.length >= PASSWORD_POLICY.minLength && p.length <= PASSWORD_POLICY.maxLength,
  },
  {
    id: "lower",
    label: message("auth.rule.lower"),
    message: message("auth.error.passwordLower"),
    test: (p) => /[a-z]/.test(p),
  },
  {
    id: "upper",
    label: message("auth.rule.upper"),
    message: message("auth.error.passwordUpper"),
    test: (p) => /[A-Z]/.test(p),
  },
  {
    id: "number",
    label: message("auth.rule.number"),
    message: message("auth.error.passwordNumber"),
    test: (p) => /[0-9]/.test(p),
  },
];

export function passwordChecks(password: string): { id: string; label: Message; ok: boolean }[] {
  return PASSWORD_RULES.map((rule) => ({ id: rule.id, label: rule.label, ok: rule.test(password) }));
}

/** The first problem with a new password, in the words newPasswordSchema uses; null when it meets the policy. */
export function passwordProblem(password: string): Message | null {
  if (password.length > PASSWORD_POLICY.maxLength) {
    return message("auth.error.passwordTooLong", { max: PASSWORD_POLICY.maxLength });
  }
  const failed = PASSWORD_RULES.find((rule) => !rule.test(password));
  return failed ? failed.message : null;
}

// A pragmatic address shape; the server's emailSchema (zod) stays the judge, this only spares a round trip.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The first problem with an email address, in emailSchema's words; null when it looks valid. */
export function emailProblem(email: string): Message | null {
  const value = email.trim();
  if (value === "") return message("auth.error.emailInvalid");
  if (value.length > 254) return message("auth.error.emailTooLong");
  return EMAIL_SHAPE.test(value) ? null : message("auth.error.emailInvalid");
}
