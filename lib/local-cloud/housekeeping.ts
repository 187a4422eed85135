import type { AnalysisStore } from "./analyses";
import { pruneSessions } from "./auth/sessions";
import { pruneSignUpAttempts } from "./auth/sign-up-limit";
import type { Db } from "./db";
import type { EventBus } from "./events";
import { pruneGuestChecks } from "./guest/guest-limit";
import { purgeExpiredGuests } from "./guest/guest-service";
import { deleteExpiredPhotos } from "./my-data/photo-retention";
import type { ImageStorage } from "./storage";

export interface HousekeepingDeps {
  db: Db;
  bus: EventBus;
  store: AnalysisStore;
  storage: ImageStorage;
  photoRetentionDays: number;
}

export interface HousekeepingReport {
  guestsPurged: number;
  photosDeleted: number;
}

/** The job runner's periodic sweep: expired guests, photos past retention, stale sessions and logs. */
export async function runHousekeeping(deps: HousekeepingDeps, now: Date): Promise<HousekeepingReport> {
  const guestsPurged = await purgeExpiredGuests(deps, now);
  const photosDeleted = await deleteExpiredPhotos(deps, now, deps.photoRetentionDays);
  pruneSessions(deps.db, now);
  pruneGuestChecks(deps.db, now);
  pruneSignUpAttempts(deps.db, now);
  deps.bus.prune(now);
  return { guestsPurged, photosDeleted };
}

/** Runs now and then every `intervalMs` (unref'd: it never keeps the process alive). Returns a stop function. */
export function scheduleHousekeeping(
  deps: HousekeepingDeps,
  intervalMs: number,
  clock: () => Date = () => new Date(),
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runHousekeeping(deps, clock())
      .then((report) => {
        if (report.guestsPurged + report.photosDeleted > 0) {
          console.log(
            `[local-cloud] housekeeping: ${report.guestsPurged} guest check(s) purged, ${report.photosDeleted} photo(s) past retention deleted`,
          );
        }
      })
      .catch((error: unknown) => console.error("[local-cloud] housekeeping failed:", error))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
