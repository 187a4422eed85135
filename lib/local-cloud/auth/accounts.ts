import { randomUUID } from "node:crypto";
import { z } from "zod";
import { signUpSchema } from "../../domain/account";
import { LocalCloudError } from "../errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";
import { clearSignInFailures, recordSignInFailure, signInWaitMs } from "./throttle";
import type { Db } from "../db";

export interface LocalUser {
  id: string;
  email: string;
}

// Sign-up rules are shared with Cognito's policy (lib/domain/account.ts).
export const credentialsSchema = signUpSchema;
export type Credentials = z.infer<typeof credentialsSchema>;

const emailTaken = (cause?: unknown) =>
  new LocalCloudError("CONFLICT", "An account with this email already exists. Please sign in instead.", {
    cause,
    reason: "EMAIL_TAKEN",
  });

export async function signUp(db: Db, { email, password }: Credentials, now: Date): Promise<LocalUser> {
  const existing = db.prepare("SELECT id FROM users WHERE email = ?").get(email);
  if (existing) throw emailTaken();
  const user = { id: randomUUID(), email };
  const passwordHash = await hashPassword(password);
  try {
    db.prepare("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)").run(
      user.id,
      email,
      passwordHash,
      now.toISOString(),
    );
  } catch (error) {
    // Two sign-ups raced past the check above; the UNIQUE constraint decides.
    throw emailTaken(error);
  }
  return user;
}

const userRowSchema = z.object({ id: z.string(), email: z.string(), password_hash: z.string() });

/**
 * A signed-in person confirms their password before something that cannot be undone. It goes through
 * signIn, so wrong guesses count towards the same growing waits as failed sign-ins.
 */
export async function confirmPassword(db: Db, user: LocalUser, password: string, now: Date, address: string) {
  try {
    await signIn(db, { email: user.email, password }, now, address);
  } catch (error) {
    if (error instanceof LocalCloudError && error.code === "UNAUTHENTICATED") {
      throw new LocalCloudError("WRONG_PASSWORD", "That password isn't right. Nothing was deleted.", { cause: error });
    }
    throw error;
  }
}

/** `address` is the client's (see clientAddress); the throttle keys on it as well as on the email. */
export async function signIn(db: Db, { email, password }: Credentials, now: Date, address: string): Promise<LocalUser> {
  const waitMs = signInWaitMs(db, email, address, now);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    // A refused try is not a failure: counting it would let the wait grow without a password ever being checked.
    throw new LocalCloudError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Please wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`,
      { retryAfterS: seconds },
    );
  }
  const row = userRowSchema
    .optional()
    .parse(db.prepare("SELECT id, email, password_hash FROM users WHERE email = ?").get(email));
  const ok = row ? await verifyPassword(password, row.password_hash) : (await burnPasswordCheck(password), false);
  if (!row || !ok) {
    recordSignInFailure(db, email, address, now);
    throw new LocalCloudError("UNAUTHENTICATED", "That email and password don't match an account.", {
      reason: "BAD_CREDENTIALS",
    });
  }
  clearSignInFailures(db, email);
  return { id: row.id, email: row.email };
}
