import { z } from "zod";
import type { Analysis } from "@/lib/domain/analysis";
import { isGuestId } from "../auth/guest-sessions";
import { LocalCloudError } from "../errors";
import { openGuestClaim, signGuestClaim } from "./guest-claim";
import type { AnalysisStore } from "../analyses";
import type { Db } from "../db";
import { eraseOwner } from "../my-data/erase-owner";
import type { ImageStorage } from "../storage";

interface GuestDeps {
  db: Db;
  store: AnalysisStore;
  storage: ImageStorage;
}

/**
 * The result has been shown: everything of this guest (record, photo, events, session) is deleted
 * now, and the browser gets a signed copy of the result it can hand in on sign-up to keep it.
 */
export async function finishGuestCheck(
  deps: GuestDeps,
  guestId: string,
  id: string,
  now: Date,
): Promise<{ claim: string }> {
  const analysis = deps.store.get(guestId, id);
  if (analysis.status !== "COMPLETE") {
    throw new LocalCloudError("CONFLICT", "This check has not finished yet.");
  }
  const claim = signGuestClaim(deps.db, analysis, now);
  await eraseOwner(deps, guestId);
  return { claim };
}

/** Moves a kept guest result into the signed-in user's history (once; the same claim twice is a conflict). */
export function keepGuestResult(deps: GuestDeps, userId: string, claim: string, now: Date): Analysis {
  if (isGuestId(userId)) throw new LocalCloudError("UNAUTHENTICATED", "Please create an account to keep this result.");
  return deps.store.adopt(userId, openGuestClaim(deps.db, claim, now), now);
}

/**
 * The backstop: guests whose session has expired (at most a day old) or is gone, with whatever they
 * left in the database or on disk. Returns how many guests were purged.
 */
export async function purgeExpiredGuests(deps: GuestDeps, now: Date): Promise<number> {
  const inDb = z
    .array(z.object({ owner: z.string() }))
    .parse(
      deps.db
        .prepare(
          `SELECT DISTINCT owner FROM analyses WHERE owner LIKE 'guest-%'
           UNION SELECT DISTINCT owner FROM events WHERE owner LIKE 'guest-%'
           UNION SELECT guest_id AS owner FROM guest_sessions`,
        )
        .all(),
    )
    .map((row) => row.owner);
  const onDisk = (await deps.storage.owners()).filter(isGuestId);
  // Read after the candidates, so a guest who starts a check meanwhile counts as live.
  const live = new Set(
    z
      .array(z.object({ guest_id: z.string() }))
      .parse(deps.db.prepare("SELECT guest_id FROM guest_sessions WHERE expires_at > ?").all(now.getTime()))
      .map((row) => row.guest_id),
  );
  const expired = [...new Set([...inDb, ...onDisk])].filter((owner) => isGuestId(owner) && !live.has(owner));
  for (const owner of expired) await eraseOwner(deps, owner);
  return expired.length;
}
