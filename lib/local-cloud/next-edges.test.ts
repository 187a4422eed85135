import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { rawRequest, type RawResponse } from "@/testing/local-cloud/raw-request";
import { sendOnSocket } from "@/testing/local-cloud/raw-socket";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";

// Requests that Next 16 or Node answer on their own, before or without proxy.ts: each once gave a
// bare 500, a hang, or an answer without security headers (found by a sweep of every route).
let server: RunningServer;
let stub: ModelStub;
let appDir: string;
let dataDir: string;
let script: string;

const SOME_ID = "00000000-0000-4000-8000-000000000000";

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

/** Either the per-request policy or the no-page fallback; both forbid framing. */
function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  expect(String(headers["content-security-policy"])).toMatch(
    /^(default-src 'self'; script-src 'self' 'nonce-|default-src 'none').*frame-ancestors 'none'/,
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

describe("RSC requests with a router state Next cannot parse", () => {
  /** Next first redirects an RSC request to its cache-busting `?_rsc=` URL; follow it once. */
  async function rscRequest(path: string, tree: string): Promise<RawResponse> {
    const headers = { rsc: "1", "next-router-state-tree": tree };
    const first = await rawRequest(server.url, path, { headers });
    const location = first.headers.location;
    return first.status === 307 && location ? rawRequest(server.url, String(location), { headers }) : first;
  }

  it.each([
    ["/", "not JSON", "garbage"],
    ["/history", "cut short", encodeURIComponent('["",{"children":')],
    ["/no-such-page", "nested 3,000 deep", encodeURIComponent("[".repeat(3000))],
  ])("%s with a router state that is %s → 400, not a 500", async (path, _what, tree) => {
    const response = await rscRequest(path, tree);
    expect(response.status).toBe(400);
    expectSecurityHeaders(response.headers);
  });

  it("a well-formed router state still renders", async () => {
    const response = await rscRequest("/privacy", encodeURIComponent(JSON.stringify(["", { children: ["", {}] }])));
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/x-component/);
  });
});

describe("result pages for an id no backend makes", () => {
  it.each([
    ["an analysis, not a UUID", "/analyses/not-a-uuid", 404],
    ["an analysis, 3,900 characters", `/analyses/${"x".repeat(3900)}`, 404],
    ["a guest check, not a UUID", "/guest/xxxx", 404],
    ["an analysis, a UUID", `/analyses/${SOME_ID}`, 200],
    ["a guest check, a UUID", `/guest/${SOME_ID}`, 200],
  ])("%s → %s from the server, not a page that says so once loaded", async (_what, path, status) => {
    const response = await rawRequest(server.url, path);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response.headers);
  });
});

describe("answers Next makes without the proxy carry the security headers", () => {
  it.each([
    ["GET", "/history/", 308],
    ["GET", "//history", 308],
    ["OPTIONS", `/api/local/analyses/${SOME_ID}/image`, 204],
    ["DELETE", `/api/local/analyses/${SOME_ID}/image`, 405],
    ["PATCH", `/api/local/analyses/${SOME_ID}/image`, 405],
  ])("%s %s → %s", async (method, path, status) => {
    const response = await rawRequest(server.url, path, { method });
    expect(response.status).toBe(status);
    expectSecurityHeaders(response.headers);
  });
});

describe("what Node's HTTP server answers itself", () => {
  // The port is known only once the server runs; tables are built before that.
  const HOST = "{host}";
  const withHost = (request: string) => request.replace(HOST, `Host: 127.0.0.1:${server.port}\r\n`);
  const upgrade =
    "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

  it.each(["/no-such-page", "/_next/webpack-hmr", "/", "/api/local/events"])(
    "a WebSocket upgrade to %s gets a 400 at once (an unknown path held the socket open forever)",
    async (path) => {
      const answer = await sendOnSocket(server.url, withHost(`GET ${path} HTTP/1.1\r\n${HOST}${upgrade}\r\n`));
      expect(answer.timedOut).toBe(false);
      expect(answer.status).toBe(400);
      expectSecurityHeaders(answer.headers);
    },
  );

  it.each([
    ["an HTTP/1.1 request without Host", "GET / HTTP/1.1\r\n\r\n", 400],
    ["a header block over 16 KB", `GET / HTTP/1.1\r\n${HOST}Cookie: a=${"x".repeat(20_000)}\r\n\r\n`, 431],
    ["an Expect it does not know", `GET / HTTP/1.1\r\n${HOST}Expect: banana\r\n\r\n`, 417],
    [
      "a broken chunked body",
      `POST /api/local/auth/sign-in HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      400,
    ],
  ])("%s → %s with the security headers", async (_name, request, status) => {
    const answer = await sendOnSocket(server.url, withHost(request));
    expect(answer.status).toBe(status);
    expectSecurityHeaders(answer.headers);
  });

  it.each([
    ["TRACE /", 405, `TRACE / HTTP/1.1\r\n${HOST}\r\n`],
    ["TRACE /api/health", 405, `TRACE /api/health HTTP/1.1\r\n${HOST}\r\n`],
    ["TRACE on the selfie route", 405, `TRACE /api/local/analyses/${SOME_ID}/image HTTP/1.1\r\n${HOST}\r\n`],
    ["CONNECT (dropped unanswered before)", 405, `CONNECT 127.0.0.1:443 HTTP/1.1\r\n${HOST}\r\n`],
    ["OPTIONS *", 204, `OPTIONS * HTTP/1.1\r\n${HOST}\r\n`],
    ["GET *", 400, `GET * HTTP/1.1\r\n${HOST}\r\n`],
    ["an absolute URL naming another host", 400, `GET http://evil.example/history HTTP/1.1\r\n${HOST}\r\n`],
  ])("%s → %s, not Next's 500 with a logged stack", async (_name, status, request) => {
    const mark = server.output.length;
    const answer = await sendOnSocket(server.url, withHost(request));
    expect(answer.status).toBe(status);
    if (status === 405) expect(answer.headers.allow).toBe("GET, HEAD, POST, PUT, DELETE, OPTIONS");
    expectSecurityHeaders(answer.headers);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.output.slice(mark).join("")).toBe("");
  });

  // A DELETE sent with a body but no length: the body's bytes read as a broken next request.
  it.each([
    ["a build file", () => script, 405],
    ["an undecodable API path", () => "/api/%ff", 400],
  ])(
    "bytes that do not parse after a request the proxy answers (%s): its answer, then close, with no uncaughtException",
    async (_name, path, status) => {
      const mark = server.output.length;
      const answer = await sendOnSocket(server.url, withHost(`DELETE ${path()} HTTP/1.1\r\n${HOST}\r\n{}`));
      expect(answer.status).toBe(status);
      expect(answer.headers.connection).toBe("close");
      expectSecurityHeaders(answer.headers);
      await new Promise((r) => setTimeout(r, 500));
      expect(server.output.slice(mark).join("")).toBe("");
    },
  );

  it("serves an absolute URL naming this host as its path", async () => {
    const answer = await sendOnSocket(
      server.url,
      withHost(`GET http://127.0.0.1:${server.port}/api/health HTTP/1.1\r\n${HOST}\r\n`),
    );
    expect(answer.status).toBe(200);
    expectSecurityHeaders(answer.headers);
  });

  it("refuses a request with two Host lines (RFC 9112 §3.2)", async () => {
    const twice = `GET /api/health HTTP/1.1\r\n${HOST}Host: evil.example\r\nConnection: close\r\n\r\n`;
    const answer = await sendOnSocket(server.url, withHost(twice));
    expect(answer.status).toBe(400);
    expectSecurityHeaders(answer.headers);
    const once = await sendOnSocket(
      server.url,
      withHost(`GET /api/health HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`),
    );
    expect(once.status).toBe(200);
  });

  it("still serves HTTP/1.0 without Host", async () => {
    const answer = await sendOnSocket(server.url, "GET /api/health HTTP/1.0\r\n\r\n");
    // No Host: the proxy's host allowlist refuses it, as it would any unknown name.
    expect(answer.status).toBe(403);
    expectSecurityHeaders(answer.headers);
  });
});
