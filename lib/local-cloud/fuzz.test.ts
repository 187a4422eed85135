import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_SURVEY } from "@/lib/backend/contract/backend-contract";
import { fuzzRequest, type FuzzRequest } from "@/testing/local-cloud/fuzz-requests";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";

// ≥ 1,000 requests a run (issue 11), sent one at a time: about 20 s on a 2-core CI box.
const RUNS = 1_000;

let server: RunningServer;
let stub: ModelStub;
let appDir: string;
let dataDir: string;
let sessionCookie: string;
let analysisId: string;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Sends one request and settles on the status line: the body is not needed, and an event stream never ends. */
function send(r: FuzzRequest): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    // Framed explicitly: Node sends a DELETE/OPTIONS body with neither Content-Length nor chunking,
    // which the server then reads as a second, garbage request.
    const headers = r.body ? { ...r.headers, "content-length": String(r.body.length) } : r.headers;
    const req = request({ hostname, port, path: r.path, method: r.method, headers, agent }, (res) => {
      const status = res.statusCode ?? 0;
      if (/text\/event-stream/.test(String(res.headers["content-type"]))) res.destroy();
      else res.resume();
      resolve(status);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${r.method} ${r.path}`)));
    req.on("error", reject);
    req.end(r.body);
  });
}

const streams = async () => (await server.diagnostics()).streams;

beforeAll(async () => {
  stub = await startModelStub();
  appDir = prepareBuild();
  dataDir = mkdtempSync(join(tmpdir(), "skinsight-fuzz-"));
  server = await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url });
  const signUp = await fetch(`${server.url}/api/local/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "fuzz@example.com", password: "Password-1234" }),
  });
  sessionCookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const created = await fetch(`${server.url}/api/local/analyses`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: sessionCookie },
    body: JSON.stringify({ survey: CONTRACT_SURVEY }),
  });
  analysisId = ((await created.json()) as { id: string }).id;
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  agent.destroy();
  await server?.stop();
  await stub?.close();
  for (const dir of [dataDir, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("fuzzing the local server", () => {
  it(`answers ${RUNS} random requests without a 5xx and stays healthy`, async () => {
    const baselineStreams = await streams();
    const logMark = server.output.length;
    const statuses = new Map<number, number>();
    let sent = 0;
    const arbitrary = fuzzRequest({ analysisId, sessionCookie, port: server.port });
    await fc.assert(
      fc.asyncProperty(arbitrary, async (r) => {
        const status = await send(r);
        sent += 1;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, `${r.method} ${r.path} ${JSON.stringify(r.headers)}`).toBeGreaterThanOrEqual(100);
        expect(status, `${r.method} ${r.path} ${JSON.stringify(r.headers)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`[fuzz] ${sent} requests; statuses`, Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
    expect(sent).toBeGreaterThanOrEqual(RUNS);

    // Nothing took the server's error path: no unexpected error, no uncaught exception.
    expect(server.output.slice(logMark).join("")).not.toMatch(/unexpected error|uncaughtException|Failed to proxy/);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    // Every event stream the fuzz opened was released.
    const deadline = Date.now() + 5_000;
    while ((await streams()) !== baselineStreams && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await streams()).toBe(baselineStreams);
  });
});
