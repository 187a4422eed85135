import { addressWaitMs, pruneAddressAttempts, recordAddressAttempt, type AddressLimit } from "../address-limit";
import type { Db } from "../db";
import { LocalCloudError } from "../errors";

/**
 * Guest checks per client address, in the shape of the sign-in throttle: `free` checks in the window,
 * then each further one waits 1 min, 2 min, 4 min … after the last, up to an hour. A shop-floor kiosk
 * shares one address among many people, so the free allowance is generous; a script is not.
 */
export const GUEST_LIMIT = {
  table: "guest_checks",
  windowMs: 60 * 60 * 1000,
  free: 10,
  stepMs: 60 * 1000,
  maxDelayMs: 60 * 60 * 1000,
} as const satisfies AddressLimit & { free: number };

export function guestCheckWaitMs(db: Db, address: string, now: Date, free: number = GUEST_LIMIT.free): number {
  return addressWaitMs(db, GUEST_LIMIT, address, now, free);
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
  recordAddressAttempt(db, GUEST_LIMIT, address, now);
}

export function pruneGuestChecks(db: Db, now: Date): void {
  pruneAddressAttempts(db, GUEST_LIMIT, now);
}
