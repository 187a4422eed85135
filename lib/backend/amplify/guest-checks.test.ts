import { describe, expect, it } from "vitest";
import { SURVEY, makeAnalysis, makeReport } from "@/testing/domain/records";
import { createGuestChecks, openGuestClaim, type GuestCheckDeps } from "./guest-checks";
import { makeFailure, type Analysis } from "../../domain/analysis";
import { loadCatalog } from "../../domain/catalog";
import { recommend } from "../../domain/recommend";
import { BackendError } from "../port";

const IDENTITY = "ap-southeast-1:11111111-2222-4333-8444-555555555555";
const ID = "c0ffee00-0000-4000-8000-000000000001";
const PHOTO = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" });

const completed = (): Analysis =>
  makeAnalysis({
    id: ID,
    owner: "guest",
    status: "COMPLETE",
    imageKey: null,
    report: makeReport(),
    recommendation: recommend(makeReport(), SURVEY, loadCatalog()),
    completedAt: "2026-11-27T10:00:05.000Z",
  });

/** Fake Cognito/S3/AppSync: records uploads and calls, answers runGuestCheck from a queue. */
function fakeDeps(answers: unknown[] = [{ ok: true, analysis: completed() }]) {
  const uploads: string[] = [];
  const calls: Parameters<GuestCheckDeps["runGuestCheck"]>[0][] = [];
  const deps: GuestCheckDeps = {
    guestIdentityId: async () => IDENTITY,
    upload: async (path) => {
      uploads.push(path);
    },
    runGuestCheck: async (input) => {
      calls.push(input);
      if (answers.length === 0) throw new Error("no answer queued");
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return JSON.stringify(next);
    },
    newId: () => ID,
    now: () => "2026-11-27T10:00:00.000Z",
    photoUrl: () => "blob:http://localhost/photo",
  };
  return { deps, uploads, calls };
}

async function uploaded(answers?: unknown[]) {
  const fake = fakeDeps(answers);
  const guest = createGuestChecks(fake.deps);
  await guest.begin();
  const created = guest.create(SURVEY);
  await guest.upload(created.id, PHOTO);
  return { ...fake, guest };
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof BackendError ? error.code : String(error);
  }
};

describe("cloud guest checks (in the page, never in the data store)", () => {
  it("uploads under guest/<identity id>/, runs the check in one call and shows each stage to observers", async () => {
    const { guest, uploads, calls } = await uploaded();
    expect(guest.active).toBe(true);
    expect(uploads).toEqual([`guest/${IDENTITY}/${ID}.jpg`]);

    const seen: string[] = [];
    const stop = guest.observe(ID, (a) => seen.push(a.status));
    await Promise.resolve();
    const result = await guest.start(ID);
    stop();

    expect(calls).toEqual([{ checkId: ID, imageKey: `guest/${IDENTITY}/${ID}.jpg`, survey: JSON.stringify(SURVEY) }]);
    expect(seen).toEqual(["UPLOADED", "ANALYZING", "COMPLETE"]);
    expect(result).toMatchObject({ id: ID, status: "COMPLETE", owner: "guest", imageKey: null });
    expect(guest.photoUrl(ID)).toBe("blob:http://localhost/photo");
  });

  it("drops the tab's copy once the result is shown, and hands back a claim that opens to the result", async () => {
    const { guest } = await uploaded();
    await guest.start(ID);
    const { claim } = guest.finish(ID);
    expect(guest.has(ID)).toBe(false);
    expect(guest.get(ID)).toBeNull();
    expect(guest.active).toBe(false);
    expect(openGuestClaim(claim)).toEqual(completed());
  });

  it("refuses to finish a check that has not completed", async () => {
    const { guest } = await uploaded();
    expect(() => guest.finish(ID)).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  });

  it("turns a rate-limit answer into RATE_LIMITED with the wait, and goes back to the uploaded photo", async () => {
    const { guest } = await uploaded([{ ok: false, code: "RATE_LIMITED", retryAfterSeconds: 1_500 }]);
    const error = await guest.start(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("25 minutes") });
    expect(guest.get(ID)?.status).toBe("UPLOADED");
  });

  it("retries a model that was warming up by sending the photo again (the function deleted it)", async () => {
    const warming = { ...completed(), status: "FAILED", report: null, recommendation: null, completedAt: null };
    const { guest, uploads, calls } = await uploaded([
      { ok: true, analysis: { ...warming, failure: makeFailure("MODEL_WARMING") } },
      { ok: true, analysis: completed() },
    ]);
    expect((await guest.start(ID)).failure).toMatchObject({ code: "MODEL_WARMING", retryable: true });
    expect((await guest.start(ID)).status).toBe("COMPLETE");
    expect(uploads).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it("asks for a new photo rather than retrying a failure that needs one", async () => {
    const failed = { ...completed(), status: "FAILED", report: null, recommendation: null, completedAt: null };
    const { guest, calls } = await uploaded([{ ok: true, analysis: { ...failed, failure: makeFailure("QUALITY") } }]);
    await guest.start(ID);
    expect(await codeOf(guest.start(ID))).toBe("CONFLICT");
    expect(calls).toHaveLength(1);
    // A retake uploads a new photo to the same check.
    await guest.upload(ID, PHOTO);
    expect(guest.get(ID)?.status).toBe("UPLOADED");
  });

  it.each([
    ["an answer that is not JSON", "{oops"],
    ["a result that is not an analysis", { ok: true, analysis: { id: ID } }],
  ])("reports %s as INTERNAL, not as a result", async (_, answer) => {
    const fake = fakeDeps();
    fake.deps.runGuestCheck = async () => (typeof answer === "string" ? answer : JSON.stringify(answer));
    const guest = createGuestChecks(fake.deps);
    await guest.begin();
    await guest.upload(guest.create(SURVEY).id, PHOTO);
    expect(await codeOf(guest.start(ID))).toBe("INTERNAL");
    expect(guest.get(ID)?.status).toBe("UPLOADED");
  });

  it("does not start before a photo, and tells an observer of an unknown check that it is gone", async () => {
    const guest = createGuestChecks(fakeDeps().deps);
    await guest.begin();
    guest.create(SURVEY);
    expect(await codeOf(guest.start(ID))).toBe("CONFLICT");
    const errors: string[] = [];
    guest.observe(
      "someone-else",
      () => errors.push("changed"),
      (e) => errors.push(e.code),
    );
    await Promise.resolve();
    expect(errors).toEqual(["NOT_FOUND"]);
  });

  it("ends with a sign-in: nothing of the check stays in the page", async () => {
    const { guest } = await uploaded();
    guest.end();
    expect(guest.active).toBe(false);
    expect(guest.has(ID)).toBe(false);
  });
});

describe("openGuestClaim", () => {
  it.each([
    ["garbage", "not json"],
    ["another version", JSON.stringify({ v: 2, analysis: completed() })],
    ["an unfinished check", JSON.stringify({ v: 1, analysis: { ...completed(), status: "ANALYZING" } })],
  ])("refuses %s with INVALID_INPUT", (_, claim) => {
    expect(() => openGuestClaim(claim)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
