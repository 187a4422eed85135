import { defineStorage } from "@aws-amplify/backend";
import { GUEST_ACCESS_PATH, SELFIE_ACCESS_PATH } from "./selfie-path";
import { analyzeSkin } from "../functions/analyze-skin/resource";
import { runGuestCheck } from "../functions/run-guest-check/resource";
import { sweepGuestPhotos } from "../functions/sweep-guest-photos/resource";

/** Lifecycle (30 days), CORS, public-access block and encryption are set in custom/customise-backend.ts. */
export const storage = defineStorage({
  name: "skinsightSelfies",
  access: (allow) => ({
    [SELFIE_ACCESS_PATH]: [
      allow.entity("identity").to(["read", "write", "delete"]),
      allow.resource(analyzeSkin).to(["read"]),
    ],
    // Guests reach only their own guest/<identity id>/ (custom/customise-backend.ts: defineStorage
    // cannot scope the unauthenticated role to its identity); the guest-check function reads and deletes,
    // the hourly sweep lists and deletes what a check left behind (never reads a photo).
    [GUEST_ACCESS_PATH]: [
      allow.resource(runGuestCheck).to(["read", "delete"]),
      allow.resource(sweepGuestPhotos).to(["list", "delete"]),
    ],
  }),
});
