import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { rawRequest } from "@/testing/local-cloud/raw-request";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";

// Requests that Next 16 or Node answer on their own, before or without proxy.ts: each once gave a
// bare 500, a hang, or an answer without security headers (found by a sweep of every route).
let server: RunningServer;
let stub: ModelStub;
let appDir: string;
let dataDir: string;
let script: string;

beforeAll(async () => {
  stub = await startModelStub();
  appDir = prepareBuild();
  dataDir = mkdtempSync(join(tmpdir(), "skinsight-next-edges-"));
  server = await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url });
  const page = await rawRequest(server.url, "/");
  script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1] ?? "";
  expect(script).not.toBe("");
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
  await stub?.close();
  for (const dir of [dataDir, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The per-request policy; it forbids framing. */
function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  expect(String(headers["content-security-policy"])).toMatch(
    /^default-src 'self'; script-src 'self' 'nonce-.*frame-ancestors 'none'/,
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(String(headers["permissions-policy"])).toContain("camera=(self)");
}

describe("build files (/_next/static)", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])("%s → 405 with Allow, not Next's 500", async (method) => {
    const response = await rawRequest(server.url, script, { method });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD");
    expectSecurityHeaders(response.headers);
  });

  it.each([
    ["range", "bytes=abc"],
    ["range", "bytes=999999999-"],
    ["range", "bytes=5-2"],
    ["if-match", '"not-this-one"'],
    ["if-unmodified-since", "Mon, 01 Jan 1990 00:00:00 GMT"],
  ])("%s: %s → the whole file, not Next's 500", async (name, value) => {
    const whole = await rawRequest(server.url, script);
    const response = await rawRequest(server.url, script, { headers: { [name]: value } });
    expect(response.status).toBe(200);
    expect(response.body).toBe(whole.body);
    expectSecurityHeaders(response.headers);
  });

  it("still answers a revalidation with 304", async () => {
    const { etag } = (await rawRequest(server.url, script)).headers;
    const response = await rawRequest(server.url, script, { headers: { "if-none-match": String(etag) } });
    expect(response.status).toBe(304);
    expectSecurityHeaders(response.headers);
  });
});
