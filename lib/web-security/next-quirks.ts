import { ACTION_HEADER } from "next/dist/client/components/app-router-headers";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { SERVER_REFERENCE_ID_LENGTH } from "next/dist/shared/lib/server-reference-info";

/**
 * Requests that Next 16 answers with a bare "Internal Server Error" of its own. proxy.ts answers or
 * repairs them first. Each was found by sending it to `next start` (see the tests in
 * lib/local-cloud/next-edges.test.ts).
 */

const STATIC_PREFIX = "/_next/static/";

/** Build output (scripts, styles, fonts): content-hashed files served by Next's file server. */
export function isStaticAsset(pathname: string): boolean {
  return pathname.startsWith(STATIC_PREFIX);
}

/** Next's file server answers only these; for any other method it renders a "/405" page an App Router build lacks (a 500). */
export const STATIC_METHODS = ["GET", "HEAD"] as const;

export function isStaticMethod(method: string): boolean {
  return (STATIC_METHODS as readonly string[]).includes(method);
}

/**
 * Request headers that make the file server fail with 412 or 416 (a Range it cannot satisfy or
 * parse, a precondition that fails), which Next again turns into a 500. The files never change
 * under their hashed names, so they are sent whole instead: a server may ignore Range (RFC 9110 §14.2).
 */
export const STATIC_CONDITIONAL_HEADERS = ["range", "if-range", "if-match", "if-unmodified-since"] as const;

/**
 * True when an RSC request's Next-Router-State-Tree header is one Next cannot parse: Next throws
 * while rendering, a 500. Checked with Next's own parser, so a header a real client sends always passes.
 */
export function isMalformedRouterState(header: string | null): boolean {
  if (header === null) return false;
  try {
    parseAndValidateFlightRouterState(header);
    return false;
  } catch {
    return true;
  }
}

/**
 * Next's image optimiser. The app has no `next/image` (next.config.mjs sets `images.unoptimized`),
 * yet `next start` still answers this path: its internal fetch of `?url=` carries no Host header,
 * the proxy refused it, and Next answered 403 and logged a line per request (a log-flooding vector).
 */
export function isImageOptimizerPath(pathname: string): boolean {
  return pathname === "/_next/image" || pathname.startsWith("/_next/image/");
}

/**
 * Server Action ids are 42 hex characters: an info byte and a SHA-1 (Next 16's
 * `SERVER_REFERENCE_ID_LENGTH`, next/dist/shared/lib/server-reference-info.js); its client sends them lowercase.
 */
const SERVER_ACTION_ID = new RegExp(`^[0-9a-f]{${SERVER_REFERENCE_ID_LENGTH}}$`);

export type ServerActionRefusal = { status: 400; body: string } | { status: 409; body: string };

/**
 * The app defines no Server Actions (next-requests.test.ts keeps it so), yet Next treats every POST
 * to a page that carries `Next-Action`, or a multipart form body, as one and logs a "Failed to find
 * Server Action" warning (three lines, with the id) each time. (A urlencoded form without the header
 * just renders the page: Next does not take those as actions.) Returns the answer Next gives such a
 * request, so the proxy can give it without the log line: 400 for an id of the wrong shape, 409 with
 * `x-nextjs-action-not-found` (which Next's client router reads) for a well-formed unknown id.
 */
export function refuseServerAction(method: string, headers: Headers): ServerActionRefusal | null {
  if (method !== "POST") return null;
  const actionId = headers.get(ACTION_HEADER);
  const contentType = headers.get("content-type") ?? "";
  if (actionId === null && !/^multipart\/form-data\b/i.test(contentType)) return null;
  if (actionId !== null && !SERVER_ACTION_ID.test(actionId)) {
    return { status: 400, body: "Invalid Server Action request." };
  }
  return { status: 409, body: "Server Action unavailable." };
}

export const ACTION_NOT_FOUND_HEADER = "x-nextjs-action-not-found";
