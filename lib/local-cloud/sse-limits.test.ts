import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { rawRequest } from "@/testing/local-cloud/raw-request";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";

let server: RunningServer;
let stub: ModelStub;
let appDir: string;
let dataDir: string;

const CAP = 5;

async function signUp(email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/local/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "Password-1234" }),
  });
  expect(response.status).toBe(201);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const openStreams = async () => (await server.diagnostics()).streams;

/** Polls /api/local/diagnostics until the open-stream count is `expected` (releases happen on the next tick or two). */
async function expectStreams(expected: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  let seen = await openStreams();
  while (seen !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await openStreams();
  }
  expect(seen).toBe(expected);
}

function openStream(cookie: string): { response: Promise<Response>; close: () => void } {
  const controller = new AbortController();
  const response = fetch(`${server.url}/api/local/events`, { headers: { cookie }, signal: controller.signal });
  return { response, close: () => controller.abort() };
}

beforeAll(async () => {
  stub = await startModelStub();
  appDir = prepareBuild();
  dataDir = mkdtempSync(join(tmpdir(), "skinsight-sse-"));
  server = await startServer(appDir, {
    DATA_DIR: dataDir,
    MODEL_ENDPOINT_URL: stub.url,
    SSE_MAX_STREAMS_PER_USER: String(CAP),
  });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
  await stub?.close();
  for (const dir of [dataDir, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("event streams are released and capped", () => {
  it("answers HEAD with the stream's headers and holds nothing open", async () => {
    const cookie = await signUp("head@example.com");
    const baseline = await openStreams();
    for (let i = 0; i < 10; i++) {
      const response = await rawRequest(server.url, "/api/local/events", { method: "HEAD", headers: { cookie } });
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/event-stream/);
    }
    await expectStreams(baseline);
  });

  it("releases a stream when its client hangs up", async () => {
    const cookie = await signUp("abort@example.com");
    const baseline = await openStreams();
    const streams = Array.from({ length: 3 }, () => openStream(cookie));
    for (const s of streams) expect((await s.response).status).toBe(200);
    await expectStreams(baseline + 3);
    for (const s of streams) s.close();
    await expectStreams(baseline);
  });

  it(`lets one user hold ${CAP} streams, answers 429 beyond that, and frees the slot on hang-up`, async () => {
    const cookie = await signUp("cap@example.com");
    const other = await signUp("cap-other@example.com");
    const baseline = await openStreams();
    const streams = Array.from({ length: CAP }, () => openStream(cookie));
    for (const s of streams) expect((await s.response).status).toBe(200);

    const refused = await fetch(`${server.url}/api/local/events`, { headers: { cookie } });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe("RATE_LIMITED");

    // Another user is not affected by this one's streams.
    const theirs = openStream(other);
    expect((await theirs.response).status).toBe(200);
    theirs.close();

    streams[0]?.close();
    await expectStreams(baseline + CAP - 1);
    const again = openStream(cookie);
    expect((await again.response).status).toBe(200);
    again.close();
    for (const s of streams) s.close();
    await expectStreams(baseline);
  });
});
