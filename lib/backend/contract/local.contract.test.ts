import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTestSelfie } from "@/testing/local-cloud/selfie";
import {
  BUILD_TIMEOUT_MS,
  prepareBuild,
  startServer,
  waitHealthy,
  type Diagnostics,
  type RunningServer,
} from "@/testing/local-cloud/server";
import { CONTRACT_SURVEY, describeBackendContract, signedIn, type ContractContext } from "./backend-contract";
import { describeGuestAndMyDataContract, runCheck } from "./guest-and-data-contract";
import { createNodeLocalBackend } from "./node-client";
import { observe } from "./observe";

// One real server for the file: `next start` on the built app, the real model server as its
// child, a fresh DATA_DIR. Nothing is stubbed.
let server: RunningServer;
let appDir: string;
let dataDir: string;
let selfie: Buffer;
let context: ContractContext;

beforeAll(async () => {
  [appDir, selfie] = await Promise.all([Promise.resolve(prepareBuild()), loadTestSelfie()]);
  dataDir = mkdtempSync(join(tmpdir(), "skinsight-contract-"));
  server = await startServer(appDir, { DATA_DIR: dataDir });
  await waitHealthy(server.url);
  context = {
    newBackend: () => createNodeLocalBackend(server.url).backend,
    selfie: async () => new Blob([new Uint8Array(selfie)], { type: "image/jpeg" }),
  };
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
  for (const dir of [dataDir, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describeBackendContract("local adapter over HTTP", () => context);
describeGuestAndMyDataContract("local adapter over HTTP", () => context);

/** Rows of any table mentioning one of `needles`, read straight from the server's SQLite file. */
function rowsMentioning(...needles: string[]): string[] {
  const db = new Database(join(dataDir, "skinsight.db"), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      db
        .prepare(`SELECT * FROM ${name}`)
        .all()
        .map((row) => `${name}: ${JSON.stringify(row)}`)
        .filter((text) => needles.some((n) => text.includes(n))),
    );
  } finally {
    db.close();
  }
}

describe("local cloud specifics", () => {
  it("serves a guest's photo and events to that guest only, and keeps nothing of the check in SQLite or on disk once shown", async () => {
    const guest = createNodeLocalBackend(server.url);
    const other = createNodeLocalBackend(server.url);
    const user = createNodeLocalBackend(server.url);
    await guest.backend.beginGuestCheck();
    await other.backend.beginGuestCheck();
    await user.backend.signUp(`guest-http-${Date.now()}@example.com`, "Correct horse battery 42");
    const result = await runCheck(context, guest.backend);
    const imageUrl = new URL((await guest.backend.getImageUrl(result)) ?? "", server.url).href;
    expect((await guest.fetch(imageUrl)).status).toBe(200);
    for (const stranger of [other, user]) {
      expect((await stranger.fetch(imageUrl)).status).toBe(404);
      expect((await stranger.fetch(`${server.url}/api/local/events?analysisId=${result.id}`)).status).toBe(404);
    }
    expect((await fetch(imageUrl)).status).toBe(401);
    const guestId = rowsMentioning(result.id)
      .map((row) => /"owner":"(guest-[0-9a-f-]+)"/.exec(row)?.[1])
      .find(Boolean);
    expect(guestId).toMatch(/^guest-/);
    expect(existsSync(join(dataDir, "uploads", guestId ?? "none"))).toBe(true);

    await guest.backend.finishGuestCheck(result.id);
    expect(rowsMentioning(result.id, guestId ?? "none")).toEqual([]);
    expect(existsSync(join(dataDir, "uploads", guestId ?? "none"))).toBe(false);
    expect((await guest.fetch(imageUrl)).status).toBe(401);
  });

  it("serves the selfie only to its owner, and the event stream only carries the owner's analyses", async () => {
    const alice = createNodeLocalBackend(server.url);
    const bob = createNodeLocalBackend(server.url);
    await alice.backend.signUp(`alice-img-${Date.now()}@example.com`, "Correct horse battery 42");
    await bob.backend.signUp(`bob-img-${Date.now()}@example.com`, "Correct horse battery 42");
    const hers = await alice.backend.uploadSelfie(
      (await alice.backend.createAnalysis(CONTRACT_SURVEY)).id,
      await context.selfie(),
    );
    const imageUrl = new URL((await alice.backend.getImageUrl(hers)) ?? "", server.url).href;

    const own = await alice.fetch(imageUrl);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await own.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await bob.fetch(imageUrl)).status).toBe(404);
    expect((await fetch(imageUrl)).status).toBe(401);
    const events = `${server.url}/api/local/events?analysisId=${hers.id}`;
    expect((await bob.fetch(events)).status).toBe(404);

    // Bob's own stream, replayed from the start of the log, holds none of Alice's events.
    const controller = new AbortController();
    const stream = await bob.fetch(`${server.url}/api/local/events?since=0`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    const first = await reader?.read();
    controller.abort();
    const text = new TextDecoder().decode(first?.value);
    expect(text).toContain("retry:");
    expect(text).not.toContain(hers.id);
  });

  it("fails retryably when the model child dies mid-analysis, restarts it, and a retry completes", async () => {
    const backend = await signedIn(context, "model-kill");
    const analysis = await backend.createAnalysis(CONTRACT_SURVEY);
    await backend.uploadSelfie(analysis.id, await context.selfie());
    const seen = observe(backend, analysis.id);
    await seen.waitFor((a) => a.status === "UPLOADED", 10_000);
    const health = await server.diagnostics();
    expect(health.model.pid).toEqual(expect.any(Number));
    await backend.startAnalysis(analysis.id);
    await seen.waitFor((a) => a.status === "ANALYZING", 10_000);
    process.kill(health.model.pid ?? 0, "SIGKILL");

    const failed = await seen.waitFor((a) => a.status === "FAILED", 30_000);
    // The dropped connection reads as "unavailable, try again", not as a slow model.
    expect(failed.failure?.retryable).toBe(true);
    expect(failed.failure?.code).toBe("MODEL_UNAVAILABLE");

    await waitHealthy(server.url);
    // The supervisor notices the death on its own schedule; under load health can still name the dead
    // child for a moment, so wait for a new one rather than for any healthy answer.
    const after = await modelAfterRestart(server, health.model.pid ?? 0);
    expect(after.model.pid).not.toBe(health.model.pid);
    expect(after.model.restarts).toBeGreaterThanOrEqual(1);

    expect((await backend.startAnalysis(analysis.id)).status).toBe("UPLOADED");
    const done = await seen.waitFor((a) => a.status === "COMPLETE", 60_000);
    seen.stop();
    expect(done.failure).toBeNull();
  });
});

async function modelAfterRestart(running: RunningServer, deadPid: number, timeoutMs = 60_000): Promise<Diagnostics> {
  const deadline = Date.now() + timeoutMs;
  let last = await running.diagnostics();
  while (Date.now() < deadline) {
    if (last.model.pid !== null && last.model.pid !== deadPid) return last;
    await new Promise((r) => setTimeout(r, 250));
    last = await running.diagnostics();
  }
  return last;
}
