import { afterEach, describe, expect, it } from "vitest";
import { openOwnerFixture } from "@/testing/local-cloud/owner-fixture";
import { openGuestClaim } from "./guest-claim";
import { guestCheckWaitMs, takeGuestCheck, GUEST_LIMIT } from "./guest-limit";
import { finishGuestCheck, keepGuestResult, purgeExpiredGuests } from "./guest-service";
import { createGuestSession, findGuest, GUEST_TTL_MS } from "../auth/guest-sessions";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const fixture = () => {
  const f = openOwnerFixture();
  cleanups.push(f.cleanup);
  return f;
};
const t0 = new Date("2025-03-01T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("guest sessions", () => {
  it("have no account row and expire after a day", () => {
    const f = fixture();
    const { token, guestId } = createGuestSession(f.db, t0);
    expect(guestId).toMatch(/^guest-[0-9a-f-]{36}$/);
    expect(f.db.prepare("SELECT COUNT(*) AS n FROM users").get()).toEqual({ n: 0 });
    expect(findGuest(f.db, token, at(GUEST_TTL_MS - 1))).toBe(guestId);
    expect(findGuest(f.db, token, at(GUEST_TTL_MS))).toBeNull();
    expect(findGuest(f.db, `${token}x`, t0)).toBeNull();
  });

  it("cannot reach another guest's or a user's analysis or events, nor they the guest's", async () => {
    const f = fixture();
    const ana = f.addUser();
    const guestA = createGuestSession(f.db, t0).guestId;
    const guestB = createGuestSession(f.db, t0).guestId;
    const hers = await f.completeAnalysis(ana.id, t0);
    const guests = await f.completeAnalysis(guestA, t0);
    for (const [owner, id] of [
      [guestB, guests.id],
      [guestB, hers.id],
      [guestA, hers.id],
      [ana.id, guests.id],
    ] as const) {
      expect(() => f.store.get(owner, id)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
      expect(f.bus.replay(owner, 0).map((e) => e.analysisId)).not.toContain(id);
    }
    expect(f.store.list(guestB, null).items).toEqual([]);
  });
});

describe("finishing a guest check", () => {
  it("leaves nothing of it in the database or on disk once shown, and its signed copy moves into a new account once", async () => {
    const f = fixture();
    const { guestId } = createGuestSession(f.db, t0);
    const shown = await f.completeAnalysis(guestId, t0);
    expect(f.hasUploads(guestId)).toBe(true);

    const { claim } = await finishGuestCheck(f, guestId, shown.id, at(60_000));
    expect(f.rowsMentioning(guestId, shown.id)).toEqual([]);
    expect(f.hasUploads(guestId)).toBe(false);

    const newUser = f.addUser();
    const kept = keepGuestResult(f, newUser.id, claim, at(120_000));
    expect(kept).toMatchObject({ id: shown.id, owner: newUser.id, status: "COMPLETE", imageKey: null });
    expect(kept.report).toEqual(shown.report);
    expect(kept.recommendation).toEqual(shown.recommendation);
    expect(f.store.list(newUser.id, null).items.map((a) => a.id)).toEqual([shown.id]);
    expect(() => keepGuestResult(f, f.addUser().id, claim, at(120_000))).toThrow(
      expect.objectContaining({ code: "CONFLICT" }),
    );
  });

  it("refuses an unfinished check, a forged or altered copy, and one older than a day", async () => {
    const f = fixture();
    const { guestId } = createGuestSession(f.db, t0);
    const running = f.store.create(guestId, (await f.completeAnalysis(f.addUser().id, t0)).survey, t0);
    await expect(finishGuestCheck(f, guestId, running.id, t0)).rejects.toMatchObject({ code: "CONFLICT" });

    const done = await f.completeAnalysis(guestId, t0);
    const { claim } = await finishGuestCheck(f, guestId, done.id, t0);
    const [body, signature] = claim.split(".");
    const altered = Buffer.from(
      Buffer.from(body ?? "", "base64url")
        .toString("utf8")
        .replace('"COMPLETE"', '"FAILED"'),
    ).toString("base64url");
    for (const bad of [`${altered}.${signature}`, `${body}.AAAA`, "nonsense", `${claim}.x`]) {
      expect(() => openGuestClaim(f.db, bad, t0)).toThrow(expect.objectContaining({ code: "UNPROCESSABLE" }));
    }
    expect(() => openGuestClaim(f.db, claim, at(GUEST_TTL_MS))).toThrow(
      expect.objectContaining({ code: "UNPROCESSABLE" }),
    );
    expect(openGuestClaim(f.db, claim, at(GUEST_TTL_MS - 1)).id).toBe(done.id);
  });
});

describe("the guest backstop", () => {
  it("purges a check never shown once its session expires (≤ 24 h), and nothing of users or live guests", async () => {
    const f = fixture();
    const user = f.addUser();
    const mine = await f.completeAnalysis(user.id, t0);
    const { guestId } = createGuestSession(f.db, t0);
    const abandoned = await f.completeAnalysis(guestId, t0);
    const later = createGuestSession(f.db, at(GUEST_TTL_MS - 1000)).guestId;
    await f.completeAnalysis(later, at(GUEST_TTL_MS - 1000));

    expect(await purgeExpiredGuests(f, at(GUEST_TTL_MS - 1))).toBe(0);
    expect(f.store.find(abandoned.id)).not.toBeNull();

    expect(await purgeExpiredGuests(f, at(GUEST_TTL_MS))).toBe(1);
    expect(f.rowsMentioning(guestId, abandoned.id)).toEqual([]);
    expect(f.hasUploads(guestId)).toBe(false);
    expect(f.store.get(user.id, mine.id)).toMatchObject({ imageKey: mine.imageKey });
    expect(f.hasUploads(user.id)).toBe(true);
    expect(f.hasUploads(later)).toBe(true);
  });

  it("also removes a guest photo folder whose records are already gone", async () => {
    const f = fixture();
    const orphan = "guest-0b4e5c1e-6a5d-4d4e-9f3a-2a7b3c4d5e6f";
    await f.storage.write(
      f.storage.keyFor(orphan, "0b4e5c1e-6a5d-4d4e-9f3a-000000000000"),
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    expect(await purgeExpiredGuests(f, t0)).toBe(1);
    expect(f.hasUploads(orphan)).toBe(false);
  });
});

describe("guest check limit per client", () => {
  it("lets `free` checks through in an hour, then makes that client (only) wait a growing time", () => {
    const f = fixture();
    for (let i = 0; i < GUEST_LIMIT.free; i++) takeGuestCheck(f.db, "203.0.113.7", t0);
    expect(() => takeGuestCheck(f.db, "203.0.113.7", t0)).toThrow(
      expect.objectContaining({ code: "RATE_LIMITED", retryAfterS: 60 }),
    );
    takeGuestCheck(f.db, "198.51.100.1", t0);
    takeGuestCheck(f.db, "203.0.113.7", at(60_000));
    expect(guestCheckWaitMs(f.db, "203.0.113.7", at(60_000))).toBe(120_000);
    expect(guestCheckWaitMs(f.db, "203.0.113.7", at(GUEST_LIMIT.windowMs + 60_000))).toBe(0);
  });
});
