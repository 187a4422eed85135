import { addressWaitMs, pruneAddressAttempts, recordAddressAttempt, type AddressLimit } from "../address-limit";
import type { Db } from "../db";
import { LocalCloudError } from "../errors";

/**
 * Sign-up attempts per client address: each account brings its own allowance of live streams and
 * guest-free analyses, so one client opening accounts by the dozen multiplies them. `free` tries in
 * the hour (SIGN_UPS_PER_HOUR), then each further one waits 1 min, 2 min, 4 min … up to an hour.
 * Every try counts, taken or not: an email already in use answers 409, which is itself worth asking
 * about in bulk, and each try costs a password hash.
 */
export const SIGN_UP_LIMIT = {
  table: "sign_ups",
  windowMs: 60 * 60 * 1000,
  stepMs: 60 * 1000,
  maxDelayMs: 60 * 60 * 1000,
} as const satisfies AddressLimit;

/** Refuses (429 with Retry-After) or records one sign-up attempt for this client. */
export function takeSignUpAttempt(db: Db, address: string, now: Date, free: number): void {
  const waitMs = addressWaitMs(db, SIGN_UP_LIMIT, address, now, free);
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000);
    throw new LocalCloudError(
      "SIGN_UP_LIMITED",
      `Many accounts were created from this connection. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      { retryAfterS: Math.ceil(waitMs / 1000) },
    );
  }
  recordAddressAttempt(db, SIGN_UP_LIMIT, address, now);
}

export function pruneSignUpAttempts(db: Db, now: Date): void {
  pruneAddressAttempts(db, SIGN_UP_LIMIT, now);
}
