import { describe, expect, it } from "vitest";
import { readPrivacyFacts } from "./privacy-facts";

describe("the privacy page's facts", () => {
  it.each([
    [{}, { mode: "local", photoRetentionDays: 30 }],
    [{ PHOTO_RETENTION_DAYS: "7" }, { mode: "local", photoRetentionDays: 7 }],
    // A value local mode would refuse at start-up is not shown as a promise either.
    [{ PHOTO_RETENTION_DAYS: "0" }, { mode: "local", photoRetentionDays: 30 }],
    [
      { NEXT_PUBLIC_BACKEND_MODE: "amplify", PHOTO_RETENTION_DAYS: "7" },
      { mode: "amplify", photoRetentionDays: 30 },
    ],
  ])("with %j: %j", (env, facts) => {
    expect(readPrivacyFacts(env as NodeJS.ProcessEnv)).toEqual(facts);
  });
});
