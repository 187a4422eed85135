import { randomUUID } from "node:crypto";
import { z } from "zod";
import { signUpSchema } from "../../domain/account";
import type { Db } from "../db";
import { LocalCloudError } from "../errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";

export interface LocalUser {
  id: string;
  email: string;
}

// Sign-up rules are shared with Cognito's policy (lib/domain/account.ts).
export const credentialsSchema = signUpSchema;
export type Credentials = z.infer<typeof credentialsSchema>;

// Five wrong passwords per account per quarter hour, then a pause: slows guessing, not real people.
export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export async function signUp(db: Db, { email, password }: Credentials, now: Date): Promise<LocalUser> {
  const existing = db.prepare("SELECT id FROM users WHERE email = ?").get(email);
  if (existing) {
    throw new LocalCloudError("CONFLICT", "An account with this email already exists. Please sign in instead.");
  }
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
    throw new LocalCloudError("CONFLICT", "An account with this email already exists. Please sign in instead.", {
      cause: error,
    });
  }
  return user;
}

const userRowSchema = z.object({ id: z.string(), email: z.string(), password_hash: z.string() });

export async function signIn(db: Db, { email, password }: Credentials, now: Date): Promise<LocalUser> {
  const since = now.getTime() - FAILED_SIGN_IN_WINDOW_MS;
  const failures = z
    .object({ n: z.number() })
    .parse(db.prepare("SELECT COUNT(*) AS n FROM sign_in_failures WHERE email = ? AND at > ?").get(email, since));
  if (failures.n >= MAX_FAILED_SIGN_INS) {
    throw new LocalCloudError(
      "RATE_LIMITED",
      "Too many failed sign-in attempts. Please wait 15 minutes and try again.",
    );
  }
  const row = userRowSchema.optional().parse(db.prepare("SELECT id, email, password_hash FROM users WHERE email = ?").get(email));
  const ok = row ? await verifyPassword(password, row.password_hash) : (await burnPasswordCheck(password), false);
  if (!row || !ok) {
    db.prepare("INSERT INTO sign_in_failures (email, at) VALUES (?, ?)").run(email, now.getTime());
    throw new LocalCloudError("UNAUTHENTICATED", "That email and password don't match an account.");
  }
  db.prepare("DELETE FROM sign_in_failures WHERE email = ?").run(email);
  return { id: row.id, email: row.email };
}
