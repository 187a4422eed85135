import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_SURVEY } from "@/lib/backend/contract/backend-contract";
import { createCookieFetch } from "@/lib/backend/contract/node-client";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";

// Bad input needs no real model: a stub on the SageMaker wire path keeps this file fast.
let server: RunningServer;
let stub: ModelStub;
let appDir: string;
let dataDir: string;
let user: typeof fetch;
let url: (path: string) => string;
let created: string;
let uploaded: string;
let png: Buffer;

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

beforeAll(async () => {
  stub = await startModelStub();
  appDir = prepareBuild();
  dataDir = mkdtempSync(join(tmpdir(), "skinsight-bad-input-"));
  server = await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url });
  url = (path) => `${server.url}${path}`;
  user = createCookieFetch();
  expect(
    (await user(url("/api/local/auth/sign-up"), json({ email: "bad-input@example.com", password: "Password-1234" })))
      .status,
  ).toBe(201);
  created = (
    (await (await user(url("/api/local/analyses"), json({ survey: CONTRACT_SURVEY }))).json()) as { id: string }
  ).id;
  uploaded = (
    (await (await user(url("/api/local/analyses"), json({ survey: CONTRACT_SURVEY }))).json()) as { id: string }
  ).id;
  png = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#d9a07b" } })
    .png()
    .toBuffer();
  const put = await user(url(`/api/local/analyses/${uploaded}/image`), {
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

const image = (body: Uint8Array<ArrayBuffer>, type = "image/jpeg"): RequestInit => ({
  method: "PUT",
  headers: { "content-type": type },
  body,
});
const unknownId = "00000000-0000-4000-8000-000000000000";

type Case = [name: string, send: () => Promise<Response>, status: number, code: string];

const cases: Case[] = [
  ["malformed JSON", () => user(url("/api/local/analyses"), json('{"survey": {')), 400, "INVALID_INPUT"],
  [
    "JSON sent as text/plain",
    () => user(url("/api/local/analyses"), { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }),
    415,
    "UNSUPPORTED_MEDIA",
  ],
  [
    "oversized JSON body",
    () => user(url("/api/local/analyses"), json({ survey: CONTRACT_SURVEY, pad: "x".repeat(200_000) })),
    413,
    "TOO_LARGE",
  ],
  ["missing survey", () => user(url("/api/local/analyses"), json({})), 422, "UNPROCESSABLE"],
  [
    "invalid survey answer",
    () => user(url("/api/local/analyses"), json({ survey: { ...CONTRACT_SURVEY, skinType: "purple" } })),
    422,
    "UNPROCESSABLE",
  ],
  [
    "SQL injection in a survey answer",
    () =>
      user(
        url("/api/local/analyses"),
        json({ survey: { ...CONTRACT_SURVEY, concerns: ["acne'); DROP TABLE analyses;--"] } }),
      ),
    422,
    "UNPROCESSABLE",
  ],
  [
    "invalid email at sign-up",
    () =>
      fetch(url("/api/local/auth/sign-up"), json({ email: "<script>alert(1)</script>", password: "Password-1234" })),
    422,
    "UNPROCESSABLE",
  ],
  [
    "short password at sign-up",
    () => fetch(url("/api/local/auth/sign-up"), json({ email: "short@example.com", password: "123" })),
    422,
    "UNPROCESSABLE",
  ],
  [
    "duplicate sign-up",
    () => fetch(url("/api/local/auth/sign-up"), json({ email: "BAD-INPUT@example.com", password: "Password-1234" })),
    409,
    "CONFLICT",
  ],
  [
    "SQL injection as a sign-in email",
    () => fetch(url("/api/local/auth/sign-in"), json({ email: "' OR 1=1 --", password: "x" })),
    401,
    "UNAUTHENTICATED",
  ],
  [
    "signed-out create",
    () => fetch(url("/api/local/analyses"), json({ survey: CONTRACT_SURVEY })),
    401,
    "UNAUTHENTICATED",
  ],
  [
    "cross-site Origin",
    () => user(url("/api/local/analyses"), json({ survey: CONTRACT_SURVEY }, { origin: "https://evil.example" })),
    403,
    "FORBIDDEN",
  ],
  ["unknown analysis id", () => user(url(`/api/local/analyses/${unknownId}`)), 404, "NOT_FOUND"],
  [
    "start an unknown id",
    () => user(url(`/api/local/analyses/${unknownId}/start`), { method: "POST" }),
    404,
    "NOT_FOUND",
  ],
  ["path traversal in an id", () => user(url("/api/local/analyses/..%2F..%2F..%2Fetc%2Fpasswd")), 404, "NOT_FOUND"],
  ["path traversal to an image", () => user(url("/api/local/analyses/..%2Fskinsight.db/image")), 404, "NOT_FOUND"],
  [
    "injection-looking id",
    () => user(url(`/api/local/analyses/${encodeURIComponent("1' OR '1'='1")}`), { method: "DELETE" }),
    404,
    "NOT_FOUND",
  ],
  ["garbage list cursor", () => user(url("/api/local/analyses?cursor=%3Cscript%3E")), 400, "INVALID_INPUT"],
  ["garbage event cursor", () => user(url(`/api/local/events?since=abc`)), 400, "INVALID_INPUT"],
  [
    "a text file labelled image/jpeg",
    () => user(url(`/api/local/analyses/${created}/image`), image(new TextEncoder().encode("hello, not a photo"))),
    415,
    "UNSUPPORTED_MEDIA",
  ],
  [
    "an upload as text/plain",
    () => user(url(`/api/local/analyses/${created}/image`), image(new Uint8Array(png), "text/plain")),
    415,
    "UNSUPPORTED_MEDIA",
  ],
  [
    "a corrupt JPEG",
    () =>
      user(
        url(`/api/local/analyses/${created}/image`),
        image(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6])),
      ),
    422,
    "UNPROCESSABLE",
  ],
  [
    "an oversized upload",
    () => user(url(`/api/local/analyses/${created}/image`), image(new Uint8Array(16 * 1024 * 1024).fill(0xff))),
    413,
    "TOO_LARGE",
  ],
  [
    "a second upload",
    () => user(url(`/api/local/analyses/${uploaded}/image`), image(new Uint8Array(png), "image/png")),
    409,
    "CONFLICT",
  ],
  ["start before upload", () => user(url(`/api/local/analyses/${created}/start`), { method: "POST" }), 409, "CONFLICT"],
  [
    "a forged guest result to keep",
    () => user(url("/api/local/guest/keep"), json({ claim: "eyJ2IjoxfQ.forged" })),
    422,
    "UNPROCESSABLE",
  ],
  [
    "a guest result that is not a string",
    () => user(url("/api/local/guest/keep"), json({ claim: { analysis: {} } })),
    422,
    "UNPROCESSABLE",
  ],
  [
    "keep a guest result signed out",
    () => fetch(url("/api/local/guest/keep"), json({ claim: "a.b" })),
    401,
    "UNAUTHENTICATED",
  ],
  [
    "a user marking a check as a shown guest check",
    () => user(url(`/api/local/guest/analyses/${created}/shown`), { method: "POST" }),
    409,
    "CONFLICT",
  ],
  ["export signed out", () => fetch(url("/api/local/me/export")), 401, "UNAUTHENTICATED"],
  ["delete an account signed out", () => fetch(url("/api/local/me"), { method: "DELETE" }), 401, "UNAUTHENTICATED"],
];

describe("bad input is answered with the right status while the server stays up", () => {
  it.each(cases)("%s", async (_name, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(5);
    expect(server.child.exitCode).toBeNull();
  });

  it("slows an account after five wrong passwords, even for the right one, and says how long to wait", async () => {
    const email = "locked@example.com";
    expect((await fetch(url("/api/local/auth/sign-up"), json({ email, password: "Password-1234" }))).status).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect((await fetch(url("/api/local/auth/sign-in"), json({ email, password: "wrong-password" }))).status).toBe(
        401,
      );
    }
    const locked = await fetch(url("/api/local/auth/sign-in"), json({ email, password: "Password-1234" }));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await locked.json()) as { code: string }).code).toBe("RATE_LIMITED");
  });

  it("tells a 1×1 PNG that the photo is too small, not to use a JPEG, PNG or WebP", async () => {
    const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#d9a07b" } })
      .png()
      .toBuffer();
    const response = await user(url(`/api/local/analyses/${created}/image`), image(new Uint8Array(tiny), "image/png"));
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; message: string; reason?: string };
    expect(body.message).toMatch(/too small/);
    // The page words it in Malay from this.
    expect(body.reason).toBe("PHOTO_TOO_SMALL");
    expect(body.message).not.toMatch(/JPEG, PNG or WebP/);
  });

  it("tells a broken form from a form without the photo, each in its own words", async () => {
    const form = (body: string, boundary = "skinsight-boundary"): RequestInit => ({
      method: "PUT",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    const part = (field: string) =>
      `--skinsight-boundary\r\nContent-Disposition: form-data; name="${field}"; filename="a.jpg"\r\n` +
      "Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n";
    const messageOf = async (init: RequestInit) => {
      const response = await user(url(`/api/local/analyses/${created}/image`), init);
      expect(response.status).toBe(400);
      return ((await response.json()) as { message: string }).message;
    };
    // Cut off before its closing boundary, and sent with a boundary its parts do not use.
    expect(await messageOf(form(part("image")))).toMatch(/cut short or is not a valid form/);
    expect(await messageOf(form(`${part("image")}--skinsight-boundary--\r\n`, "another"))).toMatch(/not a valid form/);
    expect(await messageOf(form(`${part("photo")}--skinsight-boundary--\r\n`))).toMatch(/form field named “image”/);
  });

  it("asks for the result to keep when the claim is missing, not with a validator's words", async () => {
    for (const body of ["{}", '{"__proto__":{}}', '{"claim":""}']) {
      const response = await user(url("/api/local/guest/keep"), json(body));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { message: string }).message).toBe("Please send the result to keep.");
    }
  });

  it("is still healthy and the data is intact afterwards", async () => {
    expect((await fetch(url("/api/health"))).status).toBe(200);
    const list = (await (await user(url("/api/local/analyses"))).json()) as { items: Array<{ id: string }> };
    expect(list.items.map((a) => a.id).sort()).toEqual([created, uploaded].sort());
  });
});
