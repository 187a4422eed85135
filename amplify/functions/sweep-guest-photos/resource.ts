import { defineFunction } from "@aws-amplify/backend";

/**
 * Deletes guest photos left behind (a guest who leaves mid-upload, a check cut off before its delete) once an
 * hour. The bucket's 1-day lifecycle rule is only a backstop: S3 rounds its expiry up to the next midnight UTC,
 * so a photo can stay almost two days; this sweep keeps every guest photo under 24 h (sweep-guest-photos.ts).
 * Its own stack (the default function group): it touches only the bucket, never the data API.
 */
export const SWEEP_SCHEDULE = "every 1h";

export const sweepGuestPhotos = defineFunction({
  name: "sweep-guest-photos",
  entry: "./handler.ts",
  schedule: SWEEP_SCHEDULE,
  // A listing page and one DeleteObjects call take well under a second each; 2 min covers a large backlog.
  timeoutSeconds: 120,
  memoryMB: 256,
  runtime: 24,
});
