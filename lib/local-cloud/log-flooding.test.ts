import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { rawRequest, type RawResponse } from "@/testing/local-cloud/raw-request";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";

// Public requests that once wrote to the server's log every time (a log-flooding vector): each
// must now be answered, or dropped, without a line.
let server: RunningServer;
let stub: ModelStub;
let appDir: string;
let dataDir: string;

beforeAll(async () => {
  stub = await startModelStub();
  appDir = prepareBuild();
  dataDir = mkdtempSync(join(tmpdir(), "skinsight-log-flooding-"));
  server = await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
  await stub?.close();
  for (const dir of [dataDir, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Next logs after it has answered (or given up on a client); give it the time to. */
async function expectNothingLoggedSince(mark: number): Promise<void> {
  await new Promise((r) => setTimeout(r, 500));
  expect(server.output.slice(mark).join("")).toBe("");
}

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  expect(String(headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
}

/** The request's answer, asserting that the server printed nothing while answering it. */
async function quietly(path: string, options: Parameters<typeof rawRequest>[2]): Promise<RawResponse> {
  const mark = server.output.length;
  const response = await rawRequest(server.url, path, options);
  await expectNothingLoggedSince(mark);
  return response;
}

describe("requests Next answered with a log line each", () => {
  const ACTION_ID = "00" + "ab".repeat(20);

  it.each([
    ["GET", "/_next/image?url=%2Ficon.svg&w=64&q=75"],
    ["GET", "/_next/image?url=https%3A%2F%2Fexample.com%2Fa.png&w=64&q=75"],
    ["GET", "/_next/image"],
    ["HEAD", "/_next/image?url=%2Fa.png&w=64&q=75"],
    ["POST", "/_next/image?url=%2Fa.png&w=64&q=75"],
  ])("%s %s → 404: there is no image optimiser", async (method, path) => {
    const response = await quietly(path, { method });
    expect(response.status).toBe(404);
    expectSecurityHeaders(response.headers);
  });

  it.each([
    ["/", "garbage", "garbage", 400],
    ["/history", "2,000 characters", "x".repeat(2_000), 400],
    ["/no-such-page", "in upper case", ACTION_ID.toUpperCase(), 400],
    ["/", "well-formed", ACTION_ID, 409],
    ["/privacy", "well-formed", ACTION_ID, 409],
  ])("POST %s with a Next-Action id that is %s (the app has no Server Actions)", async (path, _what, id, status) => {
    const response = await quietly(path, {
      method: "POST",
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(response.status).toBe(status);
    if (status === 409) expect(response.headers["x-nextjs-action-not-found"]).toBe("1");
    expectSecurityHeaders(response.headers);
  });

  it("a multipart POST to a page → 409, not a 'Failed to find Server Action' warning", async () => {
    const response = await quietly("/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--\r\n",
    });
    expect(response.status).toBe(409);
    expectSecurityHeaders(response.headers);
  });

  it("a urlencoded POST to a page → 405 (a page serves GET and HEAD only), quietly", async () => {
    const response = await quietly("/", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
    expectSecurityHeaders(response.headers);
  });
});

describe("a client that hangs up mid-body on a route proxy.ts sees", () => {
  /** Declares (or chunks) a 300 KB body, sends 16 KB of it, then drops the connection. */
  function abandonBody(method: string, path: string, type: string, chunked: boolean): Promise<void> {
    const { hostname, port } = new URL(server.url);
    const length = chunked ? {} : { "content-length": String(300 * 1024) };
    return new Promise((resolve) => {
      const req = httpRequest({ hostname, port, path, method, headers: { "content-type": type, ...length } });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write(Buffer.alloc(16 * 1024, 0x7b));
      setTimeout(() => req.destroy(), 300);
    });
  }

  it.each([
    ["POST", "/api/local/auth/sign-up", "application/json", false],
    ["POST", "/api/local/auth/sign-up", "application/json", true],
    ["POST", "/api/local/auth/sign-in", "application/json", false],
    ["POST", "/", "multipart/form-data; boundary=x", true],
  ])("%s %s (%s, chunked: %s) is not logged, and the server still answers", async (method, path, type, chunked) => {
    const mark = server.output.length;
    await abandonBody(method, path, type, chunked);
    await expectNothingLoggedSince(mark);
    expect((await rawRequest(server.url, "/api/health")).status).toBe(200);
  });

  it("a body sent whole still reaches the route", async () => {
    const response = await rawRequest(server.url, "/api/local/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.com", password: "Wrong-password-1" }),
    });
    expect(response.status).toBe(401);
  });
});
