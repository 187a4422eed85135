import { z } from "zod";

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

export const emailSchema = z
  .string({ error: "Please enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Please enter a valid email address, like name@example.com." }));

export const newPasswordSchema = z
  .string({ error: "Please enter a password." })
  .min(PASSWORD_POLICY.minLength, `Your password needs at least ${PASSWORD_POLICY.minLength} characters.`)
  .max(PASSWORD_POLICY.maxLength, `Your password can be at most ${PASSWORD_POLICY.maxLength} characters.`)
  .regex(/[a-z]/, "Your password needs at least one lower-case letter.")
  .regex(/[A-Z]/, "Your password needs at least one capital letter.")
  .regex(/[0-9]/, "Your password needs at least one number.");

export const signUpSchema = z.object({ email: emailSchema, password: newPasswordSchema });
export type SignUpInput = z.infer<typeof signUpSchema>;

/** The policy as a checklist the sign-up form shows before submit, ticked as the person types. */
export const PASSWORD_RULES: readonly { id: string; label: string; test: (password: string) => boolean }[] = [
  {
    id: "length",
    label: `At least ${PASSWORD_POLICY.minLength} characters`,
    test: (p) => p.length >= PASSWORD_POLICY.minLength && p.length <= PASSWORD_POLICY.maxLength,
  },
  { id: "lower", label: "A lower-case letter", test: (p) => /[a-z]/.test(p) },
  { id: "upper", label: "A capital letter", test: (p) => /[A-Z]/.test(p) },
  { id: "number", label: "A number", test: (p) => /[0-9]/.test(p) },
];

export function passwordChecks(password: string): { id: string; label: string; ok: boolean }[] {
  return PASSWORD_RULES.map((rule) => ({ id: rule.id, label: rule.label, ok: rule.test(password) }));
}
