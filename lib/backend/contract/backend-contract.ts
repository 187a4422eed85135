import { describe, expect, it } from "vitest";
import { BackendError, type BackendPort } from "../port";
import { CONTRACT_SURVEY, uniqueEmail } from "./fixtures";
import { distinctStatuses, observe } from "./observe";

export { CONTRACT_SURVEY, uniqueEmail } from "./fixtures";

/** What a backend under test must supply; the suite itself knows nothing about the adapter. */
export interface ContractContext {
  /** A backend with its own, signed-out session (a new browser). */
  newBackend(): BackendPort;
  /** A selfie that passes the model's quality gate. */
  selfie(): Promise<Blob>;
}

export async function signedIn(ctx: ContractContext, tag: string): Promise<BackendPort> {
  const backend = ctx.newBackend();
  await backend.signUp(uniqueEmail(tag), "Correct horse battery 42");
  return backend;
}

async function expectBackendError(promise: Promise<unknown>, code: BackendError["code"]): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendError);
  expect((error as BackendError).code).toBe(code);
  expect((error as BackendError).message.length).toBeGreaterThan(0);
}

/** The BackendPort contract. Written against the port only, so the Amplify adapter can run it too. */
export function describeBackendContract(label: string, getContext: () => ContractContext): void {
  describe(`BackendPort contract: ${label}`, () => {
    it("signs up, reports the current user, signs out and back in, and refuses a wrong password", async () => {
      const ctx = getContext();
      const backend = ctx.newBackend();
      const email = uniqueEmail("auth");
      expect(await backend.getCurrentUser()).toBeNull();
      const user = await backend.signUp(email, "Correct horse battery 42");
      expect(user.email).toBe(email);
      expect(await backend.getCurrentUser()).toEqual(user);
      await backend.signOut();
      expect(await backend.getCurrentUser()).toBeNull();
      await expectBackendError(backend.createAnalysis(CONTRACT_SURVEY), "UNAUTHENTICATED");
      await expectBackendError(backend.signIn(email, "wrong password!"), "UNAUTHENTICATED");
      expect(await backend.signIn(email, "Correct horse battery 42")).toEqual(user);
      await expectBackendError(ctx.newBackend().signUp(email, "Another password 99"), "CONFLICT");
    });

    it("runs create → upload → start and pushes every status in order, then lists and deletes", async () => {
      const ctx = getContext();
      const backend = await signedIn(ctx, "flow");
      const created = await backend.createAnalysis(CONTRACT_SURVEY);
      expect(created).toMatchObject({ status: "CREATED", survey: CONTRACT_SURVEY, imageKey: null, report: null });

      const seen = observe(backend, created.id);
      await seen.waitFor((a) => a.status === "CREATED", 10_000);
      const progress: number[] = [];
      const uploaded = await backend.uploadSelfie(created.id, await ctx.selfie(), (p) =>
        progress.push(p.loaded / p.total),
      );
      expect(uploaded.status).toBe("UPLOADED");
      expect(progress.at(-1)).toBe(1);
      await backend.startAnalysis(created.id);
      const complete = await seen.waitFor((a) => a.status === "COMPLETE" || a.status === "FAILED", 90_000);
      seen.stop();

      expect(complete.failure).toBeNull();
      expect(distinctStatuses(seen.statuses())).toEqual([
        "CREATED",
        "UPLOADED",
        "ANALYZING",
        "RECOMMENDING",
        "COMPLETE",
      ]);
      expect(complete.report?.quality.ok).toBe(true);
      expect(complete.recommendation?.picks.length).toBeGreaterThan(0);
      expect(complete.completedAt).not.toBeNull();
      expect(await backend.getImageUrl(complete)).toEqual(expect.any(String));
      expect(await backend.getAnalysis(created.id)).toEqual(complete);

      const page = await backend.listAnalyses(null);
      expect(page.items.map((a) => a.id)).toContain(created.id);

      await backend.deleteAnalysis(created.id);
      expect(await backend.getAnalysis(created.id)).toBeNull();
      expect((await backend.listAnalyses(null)).items.map((a) => a.id)).not.toContain(created.id);
      await expectBackendError(backend.deleteAnalysis(created.id), "NOT_FOUND");
    });

    it("lists newest first and pages with a cursor", async () => {
      const ctx = getContext();
      const backend = await signedIn(ctx, "list");
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await backend.createAnalysis(CONTRACT_SURVEY)).id);
      const all = await backend.listAnalyses(null);
      expect(all.items.map((a) => a.id)).toEqual([...ids].reverse());
      expect(all.nextCursor).toBeNull();
    });

    it("refuses out-of-order steps with CONFLICT and bad input with INVALID_INPUT", async () => {
      const ctx = getContext();
      const backend = await signedIn(ctx, "order");
      const analysis = await backend.createAnalysis(CONTRACT_SURVEY);
      await expectBackendError(backend.startAnalysis(analysis.id), "CONFLICT");
      await backend.uploadSelfie(analysis.id, await ctx.selfie());
      await expectBackendError(backend.uploadSelfie(analysis.id, await ctx.selfie()), "CONFLICT");
      await expectBackendError(backend.createAnalysis({ ...CONTRACT_SURVEY, concerns: [] }), "INVALID_INPUT");
      expect(await backend.getAnalysis("00000000-0000-4000-8000-000000000000")).toBeNull();
    });

    it("keeps users apart: another user's analysis is not found anywhere", async () => {
      const ctx = getContext();
      const alice = await signedIn(ctx, "alice");
      const bob = await signedIn(ctx, "bob");
      const hers = await alice.createAnalysis(CONTRACT_SURVEY);
      await alice.uploadSelfie(hers.id, await ctx.selfie());

      expect(await bob.getAnalysis(hers.id)).toBeNull();
      expect((await bob.listAnalyses(null)).items).toEqual([]);
      await expectBackendError(bob.startAnalysis(hers.id), "NOT_FOUND");
      await expectBackendError(bob.uploadSelfie(hers.id, await ctx.selfie()), "NOT_FOUND");
      await expectBackendError(bob.deleteAnalysis(hers.id), "NOT_FOUND");
      const peek = observe(bob, hers.id);
      expect((await peek.waitForError()).code).toBe("NOT_FOUND");
      expect(peek.records()).toEqual([]);
      peek.stop();
      expect(await alice.getAnalysis(hers.id)).toMatchObject({ id: hers.id, status: "UPLOADED" });
    });
  });
}
