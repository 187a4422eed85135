import { z } from "zod";
import { delayAfter } from "../auth/throttle";
import type { Db } from "../db";
import { LocalCloudError } from "../errors";

/**
 * Guest checks per client address, in the shape of the sign-in throttle: `free` checks in the window,
 * then each further one waits 1 min, 2 min, 4 min … after the last, up to an hour. A shop-floor kiosk
 * shares one address among many people, so the free allowance is generous; a script is not.
 */
export const GUEST_LIMIT = {
  windowMs: 60 * 60 * 1000,
  free: 10,
  stepMs: 60 * 1000,
  maxDelayMs: 60 * 60 * 1000,
} as const;

const statsSchema = z.object({ n: z.number(), last: z.number().nullable() });

export function guestCheckWaitMs(db: Db, address: string, now: Date, free: number = GUEST_LIMIT.free): number {
  const stats = statsSchema.parse(
    db
      .prepare("SELECT COUNT(*) AS n, MAX(at) AS last FROM guest_checks WHERE address = ? AND at > ?")
      .get(address, now.getTime() - GUEST_LIMIT.windowMs),
  );
  if (stats.last === null) return 0;
  // delayAfter counts in seconds-steps of 1 s; guest checks step by a minute.
  const delay = Math.min(
    (delayAfter(stats.n, { free, maxDelayMs: Infinity }) / 1000) * GUEST_LIMIT.stepMs,
    GUEST_LIMIT.maxDelayMs,
  );
  return Math.max(0, stats.last + delay - now.getTime());
}

/** Refuses (429 with Retry-After) or records one guest check for this client. */
export function takeGuestCheck(db: Db, address: string, now: Date, free?: number): void {
  const waitMs = guestCheckWaitMs(db, address, now, free);
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000);
    throw new LocalCloudError(
      "RATE_LIMITED",
      `Many guest checks came from this connection. Please wait ${minutes} minute${minutes === 1 ? "" : "s"}, or create a free account.`,
      { retryAfterS: Math.ceil(waitMs / 1000) },
    );
  }
  db.prepare("INSERT INTO guest_checks (address, at) VALUES (?, ?)").run(address, now.getTime());
}

export function pruneGuestChecks(db: Db, now: Date): void {
  db.prepare("DELETE FROM guest_checks WHERE at <= ?").run(now.getTime() - GUEST_LIMIT.windowMs);
}
