import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_SURVEY } from "@/lib/backend/contract/backend-contract";
import { createCookieFetch } from "@/lib/backend/contract/node-client";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { rawRequest } from "@/testing/local-cloud/raw-request";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";

let server: RunningServer;
let stub: ModelStub;
let appDir: string;
let dataDir: string;
let user: typeof fetch;
let cookie: string;
let analysisId: string;

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  stub = await startModelStub();
  appDir = prepareBuild();
  dataDir = mkdtempSync(join(tmpdir(), "skinsight-hardening-"));
  server = await startServer(appDir, {
    DATA_DIR: dataDir,
    MODEL_ENDPOINT_URL: stub.url,
    ALLOWED_HOSTS: "skinsight.lan",
  });
  user = createCookieFetch();
  const signUp = await user(
    `${server.url}/api/local/auth/sign-up`,
    json({ email: "hardening@example.com", password: "Password-1234" }),
  );
  expect(signUp.status).toBe(201);
  cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  analysisId = (
    (await (await user(`${server.url}/api/local/analyses`, json({ survey: CONTRACT_SURVEY }))).json()) as { id: string }
  ).id;
  const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#d9a07b" } })
    .png()
    .toBuffer();
  const put = await user(`${server.url}/api/local/analyses/${analysisId}/image`, {
    method: "PUT",
    headers: { "content-type": "image/png" },
    body: new Uint8Array(png),
  });
  expect(put.status).toBe(200);
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
  await stub?.close();
  for (const dir of [dataDir, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("security headers on every kind of response", () => {
  it.each([
    ["a page", "/", true],
    ["the sign-in page", "/sign-in", true],
    ["a results page", "/analyses/{id}", true],
    ["an API answer", "/api/health", true],
    ["an API error (signed out)", "/api/local/analyses", false],
    ["a selfie", "/api/local/analyses/{id}/image", true],
    ["a missing page", "/no-such-page", true],
  ] as const)("%s: %s", async (_name, template, signedIn) => {
    const path = template.replace("{id}", analysisId);
    const response = await rawRequest(server.url, path, { headers: signedIn ? { cookie } : {} });
    expect(response.status).toBeLessThan(500);
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["permissions-policy"]).toContain("camera=(self), microphone=()");
    // Plain HTTP, no trusted proxy: HSTS would be ignored and is not sent.
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  it("stamps the page's scripts with the nonce of its own CSP, new on each request", async () => {
    const [a, b] = await Promise.all([rawRequest(server.url, "/"), rawRequest(server.url, "/")]);
    const nonce = /'nonce-([^']+)'/.exec(String(a.headers["content-security-policy"]))?.[1];
    expect(nonce).toBeTruthy();
    expect(a.body).toContain(`nonce="${nonce}"`);
    expect(String(b.headers["content-security-policy"])).not.toContain(`'nonce-${nonce}'`);
  });

  it("covers static files too", async () => {
    const page = await rawRequest(server.url, "/");
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1] ?? "";
    const response = await rawRequest(server.url, chunk);
    expect(response.status).toBe(200);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

describe("malformed percent-encoding never reaches a 500", () => {
  const escapes = ["%ff", "%", "%zz", "%C0%AE"];
  const apiRoutes: Array<[method: string, path: (bad: string) => string]> = [
    ["GET", (bad) => `/api/local/analyses/${bad}`],
    ["DELETE", (bad) => `/api/local/analyses/${bad}`],
    ["GET", (bad) => `/api/local/analyses/${bad}/image`],
    ["PUT", (bad) => `/api/local/analyses/${bad}/image`],
    ["POST", (bad) => `/api/local/analyses/${bad}/image`],
    ["POST", (bad) => `/api/local/analyses/${bad}/start`],
    ["POST", (bad) => `/api/local/guest/analyses/${bad}/shown`],
  ];
  const apiCases = escapes.flatMap((bad) => apiRoutes.map(([method, path]) => [method, path(bad)] as const));

  it.each(apiCases)("%s %s → 400 JSON", async (method, path) => {
    const response = await rawRequest(server.url, path, { method, headers: { cookie } });
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toMatchObject({ code: "INVALID_INPUT" });
  });

  it.each(escapes.map((bad) => [`/analyses/${bad}`] as const))("GET %s → the not-found page", async (path) => {
    const response = await rawRequest(server.url, path, { headers: { cookie } });
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toContain("find that page");
  });

  it.each(escapes.map((bad) => [`/api/local/events?analysisId=${bad}`] as const))("GET %s → 404 JSON", async (path) => {
    const response = await rawRequest(server.url, path, { headers: { cookie } });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("Host allowlist (DNS rebinding)", () => {
  it.each(["localhost:3000", "127.0.0.1", "[::1]:3000", "skinsight.lan:3000"])("answers Host: %s", async (host) => {
    expect((await rawRequest(server.url, "/api/health", { headers: { host } })).status).toBe(200);
  });

  it("refuses a sign-up addressed to a foreign host, even with a matching Origin", async () => {
    const response = await rawRequest(server.url, "/api/local/auth/sign-up", {
      method: "POST",
      headers: { host: "evil.example:3000", origin: "http://evil.example:3000", "content-type": "application/json" },
      body: JSON.stringify({ email: "rebind@example.com", password: "Password-1234" }),
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ code: "FORBIDDEN" });
    // No account was made: the same email signs up fine on the right host (a sign-in try would count as a failure below).
    const signUp = await fetch(
      `${server.url}/api/local/auth/sign-up`,
      json({ email: "rebind@example.com", password: "Password-1234" }),
    );
    expect(signUp.status).toBe(201);
  });

  it("refuses a selfie upload addressed to a foreign host (a route proxy.ts skips)", async () => {
    const response = await rawRequest(server.url, `/api/local/analyses/${analysisId}/image`, {
      method: "PUT",
      headers: { host: "evil.example", cookie, "content-type": "image/png" },
      body: Buffer.alloc(10),
    });
    expect(response.status).toBe(403);
    expect(response.headers["x-frame-options"]).toBe("DENY");
  });

  it("refuses pages addressed to a foreign host", async () => {
    const response = await rawRequest(server.url, "/", { headers: { host: "evil.example" } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain("<script");
  });
});

describe("abuse limits", () => {
  const signIn = (email: string, headers: Record<string, string> = {}) =>
    rawRequest(server.url, "/api/local/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password: "Wrong-password-1" }),
    });

  it("refuses a foreign Origin even when X-Forwarded-Host is forged to match it, and an https Origin over http", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      { origin: `https://127.0.0.1:${server.port}`, "x-forwarded-proto": "https" },
    ]) {
      const response = await rawRequest(server.url, "/api/local/auth/sign-out", { method: "POST", headers });
      expect(response.status).toBe(403);
    }
    const same = await rawRequest(server.url, "/api/local/auth/sign-out", {
      method: "POST",
      headers: { origin: `http://127.0.0.1:${server.port}` },
    });
    expect(same.status).toBe(200);
  });

  it("slows one client walking through many emails, and a forged X-Forwarded-For does not get it out", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // Each try claims to come from somewhere else; the server keys on the socket's address.
      const response = await signIn(`walker-${i}@example.com`, { "x-forwarded-for": `198.51.100.${i}` });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("a client that hangs up mid-upload", () => {
  /** Declares a 300 KB photo, sends 16 KB of it, then drops the connection. */
  function abandonUpload(path: string): Promise<void> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve) => {
      const req = httpRequest({
        hostname,
        port,
        path,
        method: "PUT",
        headers: { cookie, "content-type": "image/png", "content-length": String(300 * 1024) },
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write(Buffer.alloc(16 * 1024, 0x89));
      setTimeout(() => req.destroy(), 200);
    });
  }

  it("ends quietly as a client error: no 'unexpected error' log, the record intact, and the next upload works", async () => {
    const created = (await (
      await user(`${server.url}/api/local/analyses`, json({ survey: CONTRACT_SURVEY }))
    ).json()) as { id: string };
    const before = server.output.length;
    await abandonUpload(`/api/local/analyses/${created.id}/image`);
    // Give the server time to notice and (before the fix) log the 500.
    await new Promise((r) => setTimeout(r, 1_000));
    const logged = server.output.slice(before).join("");
    expect(logged).not.toMatch(/unexpected error|aborted/i);

    const record = (await (await user(`${server.url}/api/local/analyses/${created.id}`)).json()) as { status: string };
    expect(record.status).toBe("CREATED");
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#c08a6b" } })
      .png()
      .toBuffer();
    const retry = await user(`${server.url}/api/local/analyses/${created.id}/image`, {
      method: "PUT",
      headers: { "content-type": "image/png" },
      body: new Uint8Array(png),
    });
    expect(retry.status).toBe(200);
  });
});
