import { z } from "zod";
import type { Db } from "./db";

/**
 * A per-client-address log in the shape of the sign-in throttle: `free` attempts in the window, then
 * each further one waits one step, two, four … after the last, up to `maxDelayMs`. Guest checks and
 * sign-ups each keep their own table of `(address, at)` rows.
 */
export interface AddressLimit {
  table: "guest_checks" | "sign_ups";
  windowMs: number;
  stepMs: number;
  maxDelayMs: number;
}

const statsSchema = z.object({ n: z.number(), last: z.number().nullable() });

/** Milliseconds before this address may try again; 0 means go ahead. */
export function addressWaitMs(db: Db, limit: AddressLimit, address: string, now: Date, free: number): number {
  const stats = statsSchema.parse(
    db
      .prepare(`SELECT COUNT(*) AS n, MAX(at) AS last FROM ${limit.table} WHERE address = ? AND at > ?`)
      .get(address, now.getTime() - limit.windowMs),
  );
  if (stats.last === null || stats.n < free) return 0;
  const delay = Math.min(limit.stepMs * 2 ** (stats.n - free), limit.maxDelayMs);
  return Math.max(0, stats.last + delay - now.getTime());
}

export function recordAddressAttempt(db: Db, limit: AddressLimit, address: string, now: Date): void {
  db.prepare(`INSERT INTO ${limit.table} (address, at) VALUES (?, ?)`).run(address, now.getTime());
}

export function pruneAddressAttempts(db: Db, limit: AddressLimit, now: Date): void {
  db.prepare(`DELETE FROM ${limit.table} WHERE at <= ?`).run(now.getTime() - limit.windowMs);
}
