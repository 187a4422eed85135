import { defineStorage } from "@aws-amplify/backend";
import { SELFIE_ACCESS_PATH } from "./selfie-path";
import { analyzeSkin } from "../functions/analyze-skin/resource";

/** Lifecycle (30 days), CORS, public-access block and encryption are set in custom/customise-backend.ts. */
export const storage = defineStorage({
  name: "skinsightSelfies",
  access: (allow) => ({
    [SELFIE_ACCESS_PATH]: [
      allow.entity("identity").to(["read", "write", "delete"]),
      allow.resource(analyzeSkin).to(["read"]),
    ],
  }),
});
