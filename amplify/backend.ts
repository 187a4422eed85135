import { defineBackend } from "@aws-amplify/backend";
import { auth } from "./auth/resource";
import { readBackendOptions } from "./custom/backend-options";
import { customiseBackend } from "./custom/customise-backend";
import { data } from "./data/resource";
import { analyzeSkin } from "./functions/analyze-skin/resource";
import { runGuestCheck } from "./functions/run-guest-check/resource";
import { sweepGuestPhotos } from "./functions/sweep-guest-photos/resource";
import { storage } from "./storage/resource";

export const backend = defineBackend({ auth, data, storage, analyzeSkin, runGuestCheck, sweepGuestPhotos });

customiseBackend(backend, readBackendOptions(process.env));
