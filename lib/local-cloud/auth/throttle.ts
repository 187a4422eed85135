import { z } from "zod";
import type { Db } from "../db";

/**
 * Growing delays instead of a lock: after `free` failures in the window, each further try must
 * wait 1 s, 2 s, 4 s … after the last failure, up to `maxDelayMs`. Per email the cap is a minute,
 * so a stranger hammering someone's address delays them by at most that; per client address
 * (every email it tried) the cap is 15 minutes, which is what stops one client from walking
 * through a list of emails.
 */
export const THROTTLE = {
  windowMs: 60 * 60 * 1000,
  email: { free: 5, maxDelayMs: 60 * 1000 },
  address: { free: 10, maxDelayMs: 15 * 60 * 1000 },
} as const;

export function delayAfter(failures: number, rule: { free: number; maxDelayMs: number }): number {
  if (failures < rule.free) return 0;
  return Math.min(1000 * 2 ** (failures - rule.free), rule.maxDelayMs);
}

const statsSchema = z.object({ n: z.number(), last: z.number().nullable() });

function waitMs(
  db: Db,
  column: "email" | "address",
  value: string,
  now: Date,
  rule: { free: number; maxDelayMs: number },
): number {
  const stats = statsSchema.parse(
    db
      .prepare(`SELECT COUNT(*) AS n, MAX(at) AS last FROM sign_in_failures WHERE ${column} = ? AND at > ?`)
      .get(value, now.getTime() - THROTTLE.windowMs),
  );
  if (stats.last === null) return 0;
  return Math.max(0, stats.last + delayAfter(stats.n, rule) - now.getTime());
}

/** Milliseconds before this email may be tried again from this address; 0 means go ahead. */
export function signInWaitMs(db: Db, email: string, address: string, now: Date): number {
  return Math.max(
    waitMs(db, "email", email, now, THROTTLE.email),
    waitMs(db, "address", address, now, THROTTLE.address),
  );
}

export function recordSignInFailure(db: Db, email: string, address: string, now: Date): void {
  db.prepare("INSERT INTO sign_in_failures (email, address, at) VALUES (?, ?, ?)").run(email, address, now.getTime());
}

/** A right password clears that email's record (and with it those rows of this client's count). */
export function clearSignInFailures(db: Db, email: string): void {
  db.prepare("DELETE FROM sign_in_failures WHERE email = ?").run(email);
}
