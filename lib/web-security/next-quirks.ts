import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";

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
