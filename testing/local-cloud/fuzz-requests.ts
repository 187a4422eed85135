import fc from "fast-check";
import { CONTRACT_SURVEY } from "@/lib/backend/contract/backend-contract";

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzTargets {
  /** An analysis the fuzzing user owns, so some requests reach deep into the handlers. */
  analysisId: string;
  sessionCookie: string;
  port: number;
}

// The escapes of issue 11 plus traversal, NUL and overlong forms.
const NASTY_SEGMENTS = [
  "%ff",
  "%",
  "%zz",
  "%C0%AE",
  "%00",
  "..",
  "%2e%2e",
  "..%2F..%2Fetc%2Fpasswd",
  "%E0%A4%A",
  "%u0041",
  "a%",
  "%%",
  "%2F",
];
const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const segment = (t: FuzzTargets) =>
  fc.oneof(
    fc.constantFrom(...NASTY_SEGMENTS),
    fc.constant(t.analysisId),
    fc.uuid(),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    fc.constant("x".repeat(2000)),
  );

const path = (t: FuzzTargets) =>
  fc.oneof(
    segment(t).map((s) => `/api/local/analyses/${s}`),
    segment(t).map((s) => `/api/local/analyses/${s}/image`),
    segment(t).map((s) => `/api/local/analyses/${s}/start`),
    segment(t).map((s) => `/analyses/${s}`),
    fc.constantFrom("sign-in", "sign-up", "sign-out", "me").map((s) => `/api/local/auth/${s}`),
    fc.tuple(segment(t), segment(t)).map(([a, b]) => `/api/local/events?analysisId=${a}&since=${b}`),
    segment(t).map((s) => `/api/local/analyses?cursor=${s}`),
    segment(t).map((s) => `/api/local/guest/analyses/${s}/shown`),
    fc.constantFrom(
      "/api/local/guest",
      "/api/local/guest/keep",
      "/api/local/me",
      "/api/local/me/export",
      "/guest",
      "/account",
    ),
    fc.constantFrom("/", "/api/health", "/history", "/analyze", "/sign-in", "/products", "/api/amplify-outputs"),
    fc.tuple(segment(t), segment(t)).map(([a, b]) => `/${a}/${b}`),
  );

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
  fc.record({ email: printable(60), password: printable(40) }).map((v) => JSON.stringify(v)),
  fc
    .record({ survey: fc.oneof(fc.constant(CONTRACT_SURVEY), fc.jsonValue({ maxDepth: 2 })) })
    .map((v) => JSON.stringify(v)),
  printable(200),
);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff, 0xe0];
const body = fc.oneof(
  jsonBody.map((s) => Buffer.from(s, "utf8")),
  fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from([...PNG_SIGNATURE, ...b])),
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from([...JPEG_SIGNATURE, ...b])),
  fc.constant(Buffer.alloc(0)),
);

const headers = (t: FuzzTargets) =>
  fc.record(
    {
      "content-type": fc.constantFrom(
        "application/json",
        "text/plain",
        "image/png",
        "image/jpeg",
        "application/octet-stream",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "application/json; charset=utf-16",
      ),
      // Mostly the real origin and host, so most requests get past the guards into the handlers.
      origin: fc.oneof(
        { arbitrary: fc.constant(`http://127.0.0.1:${t.port}`), weight: 6 },
        { arbitrary: fc.constantFrom("http://localhost:3000", "https://evil.example", "null", "not a url"), weight: 1 },
      ),
      cookie: fc.oneof(
        { arbitrary: fc.constant(t.sessionCookie), weight: 3 },
        { arbitrary: printable(60).map((v) => `skinsight_session=${v}`), weight: 1 },
      ),
      host: fc.oneof(
        { arbitrary: fc.constant(`127.0.0.1:${t.port}`), weight: 8 },
        { arbitrary: fc.constantFrom("localhost", "[::1]", "evil.example", "localhost:99999"), weight: 1 },
      ),
      "last-event-id": printable(20),
      "x-forwarded-for": fc.constantFrom("1.2.3.4", "garbage", "::1, 10.0.0.1"),
      "x-forwarded-host": fc.constantFrom("evil.example", "localhost"),
      "x-forwarded-proto": fc.constantFrom("https", "http", "gopher"),
      "sec-fetch-site": fc.oneof(
        { arbitrary: fc.constant("same-origin"), weight: 4 },
        { arbitrary: fc.constantFrom("cross-site", "none"), weight: 1 },
      ),
    },
    { requiredKeys: [] },
  );

/** Random requests against the local routes: paths with broken escapes, methods, headers and bodies. */
export function fuzzRequest(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
      path: path(t),
      headers: headers(t),
      body: fc.option(body, { nil: undefined }),
    })
    .map((r) => (r.method === "GET" || r.method === "HEAD" ? { ...r, body: undefined } : r));
}
