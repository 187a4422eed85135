import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "@/testing/local-cloud/raw-request";
import { BUILD_TIMEOUT_MS, startLocalTestServer, type RunningServer } from "@/testing/local-cloud/server";

// What a request may carry, and who may ask how often: body sizes, URL length, methods per route
// and sign-ups per client. Each answer must come with the security headers and no log line.
let server: RunningServer;
let close: (() => Promise<void>) | undefined;

const SIGN_UPS_PER_HOUR = 3;
const SOME_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  ({ server, close } = await startLocalTestServer("request-limits", { SIGN_UPS_PER_HOUR: String(SIGN_UPS_PER_HOUR) }));
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await close?.();
});

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  expect(String(headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
}

/** Next logs after it has answered (or given up on a client); give it the time to. */
async function expectNothingLoggedSince(mark: number): Promise<void> {
  await new Promise((r) => setTimeout(r, 500));
  expect(server.output.slice(mark).join("")).toBe("");
}

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** True when the server neither answered nor closed within the time allowed. */
  timedOut: boolean;
}

/**
 * Writes `head` and then `body` (in 64 KB writes) on a fresh connection, and reads until the server
 * closes it or the answer's Content-Length is in. The body may be left unfinished on purpose.
 */
function exchange(head: string, body: Buffer = Buffer.alloc(0), timeoutMs = 5_000): Promise<Exchange> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    const finish = (timedOut: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const text = received.toString("latin1");
      const [top = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...lines] = top.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
      }
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
      resolve({ status, headers, body: rest.join("\r\n\r\n"), timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1];
      if (end >= 0 && length !== undefined && received.length >= end + 4 + Number(length)) finish(false);
    });
    socket.on("close", () => finish(false));
    // The server may close while the body is still going out: that is what is under test.
    socket.on("error", () => finish(false));
    socket.write(head);
    for (let i = 0; i < body.length; i += 64 * 1024) socket.write(body.subarray(i, i + 64 * 1024));
  });
}

/** The request's head; it asks the server to close the connection after answering, which ends the exchange. */
const headOf = (method: string, path: string, headers: Record<string, string>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n` +
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("") +
  "\r\n";

/** `size` bytes as HTTP/1.1 chunks of 16 KB, with or without the last chunk that ends the body. */
function chunked(size: number, finished: boolean): Buffer {
  const parts: Buffer[] = [];
  for (let left = size; left > 0; left -= 16 * 1024) {
    const n = Math.min(16 * 1024, left);
    parts.push(Buffer.from(`${n.toString(16)}\r\n`), Buffer.alloc(n, 0x78), Buffer.from("\r\n"));
  }
  if (finished) parts.push(Buffer.from("0\r\n\r\n"));
  return Buffer.concat(parts);
}

describe("request bodies over the route's limit get 413 before Next copies them", () => {
  it.each([
    ["/api/local/auth/sign-up", "application/json", 65 * 1024],
    ["/api/local/guest/keep", "application/json", 1024 * 1024 + 1],
    ["/history", "application/x-www-form-urlencoded", 65 * 1024],
  ])(
    "POST %s with a Content-Length over it: 413 at once, with no byte of the body sent",
    async (path, type, length) => {
      const mark = server.output.length;
      const answer = await exchange(headOf("POST", path, { "content-type": type, "content-length": String(length) }));
      expect(answer.timedOut).toBe(false);
      expect(answer.status).toBe(413);
      expect(answer.headers.connection).toBe("close");
      if (path.startsWith("/api/")) expect(JSON.parse(answer.body)).toMatchObject({ code: "TOO_LARGE" });
      expectSecurityHeaders(answer.headers);
      await expectNothingLoggedSince(mark);
    },
  );

  it("a declared 50 MB body sent on regardless still gets its 413 read, not a reset", async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 0x7b);
    const head = headOf("POST", "/api/local/auth/sign-in", {
      "content-type": "application/json",
      "content-length": String(50 * 1024 * 1024),
    });
    const answer = await exchange(head, body);
    expect(answer.status).toBe(413);
  });

  it.each([
    ["/api/local/auth/sign-in", "application/json"],
    ["/", "multipart/form-data; boundary=x"],
  ])("a chunked body to %s is cut as it passes the limit, before it ends, quietly", async (path, type) => {
    const mark = server.output.length;
    const head = headOf("POST", path, { "content-type": type, "transfer-encoding": "chunked" });
    // 80 KB of chunks and no last chunk: only a cap that counts as the bytes arrive can answer.
    const answer = await exchange(head, chunked(80 * 1024, false));
    expect(answer.timedOut).toBe(false);
    expect(answer.status).toBe(413);
    expectSecurityHeaders(answer.headers);
    await expectNothingLoggedSince(mark);
    expect((await rawRequest(server.url, "/api/health")).status).toBe(200);
  });

  it("an 11 MB chunked body is refused, not cut at 10 MB by Next with a warning in the log", async () => {
    const mark = server.output.length;
    const head = headOf("POST", "/api/local/auth/sign-in", {
      "content-type": "application/json",
      "transfer-encoding": "chunked",
    });
    const answer = await exchange(head, chunked(11 * 1024 * 1024, true), 20_000);
    expect(answer.status).toBe(413);
    await expectNothingLoggedSince(mark);
  });

  it("a body within the limit still reaches the route, chunked or not", async () => {
    const body = Buffer.from(JSON.stringify({ email: "nobody@example.com", password: "Wrong-password-1" }));
    const sized = await exchange(
      headOf("POST", "/api/local/auth/sign-in", {
        "content-type": "application/json",
        "content-length": String(body.length),
      }),
      body,
    );
    expect(sized.status).toBe(401);
    const chunks = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]);
    const streamed = await exchange(
      headOf("POST", "/api/local/auth/sign-in", { "content-type": "application/json", "transfer-encoding": "chunked" }),
      chunks,
    );
    expect(streamed.status).toBe(401);
  });
});

describe("request-target length", () => {
  it.each([
    ["a page", `/${"a".repeat(8 * 1024)}/`],
    ["an API route", `/api/local/analyses?cursor=${"a".repeat(5 * 1024)}`],
  ])("%s with a target over 4 KB → 414, even with 4 KB of headers", async (_what, path) => {
    const mark = server.output.length;
    const response = await rawRequest(server.url, path, { headers: { "x-padding": "p".repeat(4 * 1024) } });
    expect(response.status).toBe(414);
    expectSecurityHeaders(response.headers);
    await expectNothingLoggedSince(mark);
  });

  it("a target just under the limit is served as before", async () => {
    const response = await rawRequest(server.url, `/privacy?q=${"a".repeat(3 * 1024)}`);
    expect(response.status).toBe(200);
  });
});

describe("methods a route does not serve", () => {
  it.each(["PUT", "DELETE", "PATCH", "POST"])("%s on a page → 405 with Allow: GET, HEAD, OPTIONS", async (method) => {
    for (const path of ["/", "/history", `/analyses/${SOME_ID}`]) {
      const response = await rawRequest(server.url, path, {
        method,
        headers: { "content-type": "text/plain" },
        body: "x",
      });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
      expectSecurityHeaders(response.headers);
    }
  });

  it("OPTIONS on a page → 204 with Allow (Next answered 400)", async () => {
    const response = await rawRequest(server.url, "/history", { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
    expectSecurityHeaders(response.headers);
  });

  it.each([
    ["DELETE", "/api/health", "GET, HEAD, OPTIONS"],
    ["PUT", "/api/local/auth/sign-up", "POST, OPTIONS"],
    ["PATCH", `/api/local/analyses/${SOME_ID}/image`, "GET, POST, PUT, HEAD, OPTIONS"],
  ])("%s %s → 405 that names the methods (Next's named none)", async (method, path, allow) => {
    const response = await rawRequest(server.url, path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expectSecurityHeaders(response.headers);
  });

  it("a path no route serves is still a 404 whatever the method", async () => {
    expect((await rawRequest(server.url, "/no-such-page", { method: "DELETE" })).status).toBe(404);
  });
});

describe("sign-ups per client address", () => {
  const signUp = (n: number) =>
    rawRequest(server.url, "/api/local/auth/sign-up", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `limit-${n}@example.com`, password: "Password-1234" }),
    });

  it(`lets ${SIGN_UPS_PER_HOUR} through, then answers 429 with Retry-After and a plain message`, async () => {
    for (let n = 0; n < SIGN_UPS_PER_HOUR; n++) expect((await signUp(n)).status).toBe(201);
    const refused = await signUp(SIGN_UPS_PER_HOUR);
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("60");
    expect(JSON.parse(refused.body)).toEqual({
      code: "SIGN_UP_LIMITED",
      message: "Many accounts were created from this connection. Please wait 1 minute and try again.",
    });
    expectSecurityHeaders(refused.headers);
    // Refused before the password was hashed or the account made: that email is still free.
    const signIn = await rawRequest(server.url, "/api/local/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `limit-${SIGN_UPS_PER_HOUR}@example.com`, password: "Password-1234" }),
    });
    expect(signIn.status).toBe(401);
  });
});
