import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_SURVEY, uniqueEmail } from "@/lib/backend/contract/backend-contract";
import { createNodeLocalBackend } from "@/lib/backend/contract/node-client";
import { observe } from "@/lib/backend/contract/observe";
import { TERMINAL_STATUSES } from "@/lib/domain/analysis";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { loadTestSelfie } from "@/testing/local-cloud/selfie";
import {
  BUILD_TIMEOUT_MS,
  prepareBuild,
  startServer,
  waitHealthy,
  type RunningServer,
} from "@/testing/local-cloud/server";

let appDir: string;
let stub: ModelStub;
let selfie: Blob;
const dirs: string[] = [];
const servers: RunningServer[] = [];

const tempDir = (tag: string) => {
  const dir = mkdtempSync(join(tmpdir(), `skinsight-${tag}-`));
  dirs.push(dir);
  return dir;
};
const track = (server: RunningServer) => (servers.push(server), server);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  appDir = prepareBuild();
  stub = await startModelStub();
  selfie = new Blob([new Uint8Array(await loadTestSelfie())], { type: "image/jpeg" });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  await stub?.close();
  for (const dir of [...dirs, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("local cloud faults", () => {
  it("finishes an analysis that was ANALYZING when the server was killed, after a restart", async () => {
    const dataDir = tempDir("crash");
    stub.delayMs = 60_000;
    const first = track(await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url }));
    const { backend } = createNodeLocalBackend(first.url);
    await backend.signUp(uniqueEmail("crash"), "Correct horse battery 42");
    const analysis = await backend.createAnalysis(CONTRACT_SURVEY);
    await backend.uploadSelfie(analysis.id, selfie);
    const seen = observe(backend, analysis.id);
    await backend.startAnalysis(analysis.id);
    await seen.waitFor((a) => a.status === "ANALYZING", 10_000);
    await first.stop("SIGKILL");

    // Same port and data: the session cookie, the job table and the event log all survive.
    stub.delayMs = 0;
    const invocationsBefore = stub.invocations;
    track(await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url }, first.port));
    const done = await seen.waitFor(
      (a) => a.status === "COMPLETE" || (a.status === "FAILED" && a.failure?.retryable === true),
      30_000,
    );
    seen.stop();
    expect(done.status).toBe("COMPLETE");
    expect(stub.invocations).toBeGreaterThan(invocationsBefore);
    const all = await backend.listAnalyses(null);
    expect(all.items.every((a) => TERMINAL_STATUSES.includes(a.status))).toBe(true);
  });

  it("fails a run whose model call outlasts MODEL_TIMEOUT_MS as a retryable TIMEOUT", async () => {
    stub.delayMs = 5_000;
    const server = track(
      await startServer(appDir, { DATA_DIR: tempDir("slow"), MODEL_ENDPOINT_URL: stub.url, MODEL_TIMEOUT_MS: "1000" }),
    );
    const { backend } = createNodeLocalBackend(server.url);
    await backend.signUp(uniqueEmail("slow"), "Correct horse battery 42");
    const analysis = await backend.createAnalysis(CONTRACT_SURVEY);
    await backend.uploadSelfie(analysis.id, selfie);
    const seen = observe(backend, analysis.id);
    await backend.startAnalysis(analysis.id);
    const failed = await seen.waitFor((a) => a.status === "FAILED", 20_000);
    expect(failed.failure).toMatchObject({ code: "TIMEOUT", retryable: true });

    stub.delayMs = 0;
    await backend.startAnalysis(analysis.id);
    await seen.waitFor((a) => a.status === "COMPLETE", 20_000);
    seen.stop();
    await server.stop();
  });

  it("ends quietly when the analysis is deleted while the model runs: no error logged, no retry, nothing left", async () => {
    stub.delayMs = 1_500;
    const server = track(await startServer(appDir, { DATA_DIR: tempDir("deleted"), MODEL_ENDPOINT_URL: stub.url }));
    const { backend } = createNodeLocalBackend(server.url);
    await backend.signUp(uniqueEmail("deleted"), "Correct horse battery 42");
    const analysis = await backend.createAnalysis(CONTRACT_SURVEY);
    await backend.uploadSelfie(analysis.id, selfie);
    const invocationsBefore = stub.invocations;
    await backend.startAnalysis(analysis.id);
    // Deleted while the model holds the call.
    for (let i = 0; i < 100 && stub.invocations === invocationsBefore; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(stub.invocations).toBe(invocationsBefore + 1);
    await backend.deleteAnalysis(analysis.id);
    // The model answers after 1.5 s; a retry would call it again after its 1 s backoff.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(server.output.join("")).not.toMatch(/unexpected error|retrying|gave up/);
    expect(stub.invocations).toBe(invocationsBefore + 1);
    expect(await backend.getAnalysis(analysis.id)).toBeNull();
    expect((await backend.listAnalyses(null)).items).toEqual([]);
    stub.delayMs = 0;
    await server.stop();
  });

  it("shuts down on SIGINT with an open event stream, taking the model child with it", async () => {
    const server = track(await startServer(appDir, { DATA_DIR: tempDir("sigint") }));
    await waitHealthy(server.url);
    const health = await server.diagnostics();
    expect(health.model.pid).toEqual(expect.any(Number));
    const { backend } = createNodeLocalBackend(server.url);
    await backend.signUp(uniqueEmail("sigint"), "Correct horse battery 42");
    const analysis = await backend.createAnalysis(CONTRACT_SURVEY);
    const seen = observe(backend, analysis.id);
    await seen.waitFor((a) => a.status === "CREATED", 10_000);

    const started = Date.now();
    server.child.kill("SIGINT");
    await new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
    seen.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.child.exitCode).toBe(130);
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(health.model.pid ?? 0)).toBe(false);
  });
});
