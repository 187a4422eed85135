import { z } from "zod";
import { PASSWORD_POLICY } from "./account-rules";

export * from "./account-rules";

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
