import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { analysisSchema, type Analysis } from "../../domain/analysis";
import { BackendError, type BackendPort } from "../port";
import type { ContractContext } from "./backend-contract";
import { CONTRACT_SURVEY, uniqueEmail } from "./fixtures";
import { observe } from "./observe";

const PASSWORD = "Correct horse battery 42";

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof BackendError ? error.code : `not a BackendError: ${String(error)}`),
  );
}

/** create → upload → start → COMPLETE on `backend`, as the results page drives it. */
export async function runCheck(ctx: ContractContext, backend: BackendPort): Promise<Analysis> {
  const created = await backend.createAnalysis(CONTRACT_SURVEY);
  const seen = observe(backend, created.id);
  await backend.uploadSelfie(created.id, await ctx.selfie());
  await backend.startAnalysis(created.id);
  const done = await seen.waitFor((a) => a.status === "COMPLETE" || a.status === "FAILED", 90_000);
  seen.stop();
  expect(done.status).toBe("COMPLETE");
  return done;
}

/** The port's guest check and "my data"; written against the port only, like the main contract. */
export function describeGuestAndMyDataContract(label: string, getContext: () => ContractContext): void {
  describe(`BackendPort contract, guest check and my data: ${label}`, () => {
    it("runs a guest check without an account, which nobody else reaches and which is gone once shown", async () => {
      const ctx = getContext();
      const guest = ctx.newBackend();
      expect(await errorCode(guest.createAnalysis(CONTRACT_SURVEY))).toBe("UNAUTHENTICATED");
      await guest.beginGuestCheck();
      expect(await guest.getCurrentUser()).toBeNull();
      const result = await runCheck(ctx, guest);
      expect(await guest.getImageUrl(result)).toEqual(expect.any(String));
      // A guest has no history to list.
      expect(await errorCode(guest.listAnalyses(null))).toBe("UNAUTHENTICATED");

      const otherGuest = ctx.newBackend();
      await otherGuest.beginGuestCheck();
      const user = ctx.newBackend();
      await user.signUp(uniqueEmail("guest-neighbour"), PASSWORD);
      for (const stranger of [otherGuest, user]) {
        expect(await stranger.getAnalysis(result.id)).toBeNull();
        expect(await errorCode(stranger.deleteAnalysis(result.id))).toBe("NOT_FOUND");
        expect(await errorCode(stranger.startAnalysis(result.id))).toBe("NOT_FOUND");
        expect(await errorCode(stranger.finishGuestCheck(result.id))).toMatch(/NOT_FOUND|CONFLICT/);
        const peek = observe(stranger, result.id);
        expect((await peek.waitForError()).code).toBe("NOT_FOUND");
        peek.stop();
      }
      // Nor does the guest reach the user's records.
      const usersOwn = await user.createAnalysis(CONTRACT_SURVEY);
      expect(await guest.getAnalysis(usersOwn.id)).toBeNull();

      const { claim } = await guest.finishGuestCheck(result.id);
      expect(claim.length).toBeGreaterThan(0);
      // The guest session ended with it: the record is not there for anyone.
      expect(await errorCode(guest.getAnalysis(result.id))).toBe("UNAUTHENTICATED");
      expect(await user.getAnalysis(result.id)).toBeNull();
    });

    it("moves a shown guest result into the history of the account created right after", async () => {
      const ctx = getContext();
      const visitor = ctx.newBackend();
      await visitor.beginGuestCheck();
      const result = await runCheck(ctx, visitor);
      const { claim } = await visitor.finishGuestCheck(result.id);

      expect(await errorCode(visitor.keepGuestResult(claim))).toBe("UNAUTHENTICATED");
      await visitor.signUp(uniqueEmail("kept"), PASSWORD);
      const kept = await visitor.keepGuestResult(claim);
      expect(kept).toMatchObject({ id: result.id, status: "COMPLETE", imageKey: null, report: result.report });
      expect((await visitor.listAnalyses(null)).items.map((a) => a.id)).toEqual([result.id]);
      expect(await errorCode(visitor.keepGuestResult(claim))).toBe("CONFLICT");
      expect(await errorCode(visitor.keepGuestResult(`${claim}x`))).toBe("INVALID_INPUT");
    });

    it("downloads every analysis and kept photo in one zip, then deletes the account and signs out", async () => {
      const ctx = getContext();
      const backend = ctx.newBackend();
      const email = uniqueEmail("my-data");
      await backend.signUp(email, PASSWORD);
      const done = await runCheck(ctx, backend);
      const draft = await backend.createAnalysis(CONTRACT_SURVEY);

      const zip = unzipSync(new Uint8Array(await (await backend.exportMyData()).arrayBuffer()));
      const analyses = Object.entries(zip)
        .filter(([name]) => name.startsWith("analyses/"))
        .map(([, bytes]) => analysisSchema.parse(JSON.parse(strFromU8(bytes))));
      expect(analyses.map((a) => a.id).sort()).toEqual([done.id, draft.id].sort());
      expect(analyses.find((a) => a.id === done.id)).toMatchObject({
        survey: CONTRACT_SURVEY,
        report: done.report,
        recommendation: done.recommendation,
      });
      const photo = zip[`photos/${done.id}.jpg`];
      expect(photo && Buffer.from(photo.subarray(0, 3))).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(JSON.parse(strFromU8(zip["account.json"] ?? new Uint8Array()))).toMatchObject({ email });

      // The password is asked again: a wrong one deletes nothing and keeps the person signed in.
      expect(await errorCode(backend.deleteAccount(`${PASSWORD}x`))).toBe("WRONG_PASSWORD");
      expect(await errorCode(backend.deleteAccount(""))).toBe("INVALID_INPUT");
      expect((await backend.getCurrentUser())?.email).toBe(email);
      expect((await backend.getAnalysis(done.id))?.status).toBe("COMPLETE");
      expect(await backend.getImageUrl(done)).not.toBeNull();

      await backend.deleteAccount(PASSWORD);
      expect(await backend.getCurrentUser()).toBeNull();
      expect(await errorCode(backend.signIn(email, PASSWORD))).toBe("UNAUTHENTICATED");
      // The email is free again: nothing of the old account holds it.
      const again = ctx.newBackend();
      await again.signUp(email, PASSWORD);
      expect((await again.listAnalyses(null)).items).toEqual([]);
      expect(await again.getAnalysis(done.id)).toBeNull();
    });
  });
}
