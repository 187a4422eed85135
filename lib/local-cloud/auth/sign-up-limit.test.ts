import { afterEach, describe, expect, it } from "vitest";
import { openTempDb } from "@/testing/local-cloud/temp-db";
import { pruneSignUpAttempts, SIGN_UP_LIMIT, takeSignUpAttempt } from "./sign-up-limit";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const t0 = new Date("2025-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const FREE = 3;

function db() {
  const temp = openTempDb();
  cleanups.push(temp.cleanup);
  return temp.db;
}

describe("sign-up attempts per client address", () => {
  it("lets `free` attempts through in an hour, then makes that address (only) wait 1, 2 … minutes", () => {
    const d = db();
    for (let i = 0; i < FREE; i++) takeSignUpAttempt(d, "203.0.113.7", t0, FREE);
    expect(() => takeSignUpAttempt(d, "203.0.113.7", t0, FREE)).toThrow(
      expect.objectContaining({
        code: "SIGN_UP_LIMITED",
        retryAfterS: 60,
        message: expect.stringMatching(/wait 1 minute /),
      }),
    );
    takeSignUpAttempt(d, "198.51.100.1", t0, FREE);
    takeSignUpAttempt(d, "203.0.113.7", at(60_000), FREE);
    expect(() => takeSignUpAttempt(d, "203.0.113.7", at(60_000 + 119_000), FREE)).toThrow(
      expect.objectContaining({ retryAfterS: 1 }),
    );
    expect(() => takeSignUpAttempt(d, "203.0.113.7", at(60_000 + 120_000), FREE)).not.toThrow();
  });

  it("forgets attempts older than the window, and housekeeping prunes them", () => {
    const d = db();
    for (let i = 0; i < FREE + 2; i++) takeSignUpAttempt(d, "203.0.113.7", at(i * 3_600_000), FREE);
    const count = () => (d.prepare("SELECT COUNT(*) AS n FROM sign_ups").get() as { n: number }).n;
    expect(count()).toBe(FREE + 2);
    // An hour after the last attempt but one, only the last is still in the window.
    pruneSignUpAttempts(d, at((FREE + 1) * 3_600_000 + 1));
    expect(count()).toBe(1);
    expect(SIGN_UP_LIMIT.windowMs).toBe(3_600_000);
  });
});
