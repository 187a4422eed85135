import { buildCsp, type CspOptions } from "./csp";

// Two years, the HSTS preload list's minimum; sent only over HTTPS, where browsers honour it.
const HSTS = "max-age=63072000; includeSubDomains";

const CONSTANT_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // frame-ancestors 'none' in the CSP does the same for current browsers; this covers older ones.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Every response's security headers, CSP included. */
export function securityHeaders(options: CspOptions): Record<string, string> {
  return {
    "Content-Security-Policy": buildCsp(options),
    ...CONSTANT_HEADERS,
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * For the answers Next makes before proxy.ts runs or without it: the 308 that drops a trailing or
 * doubled slash, the 307 to an RSC request's cache-busting URL, the selfie route's automatic
 * OPTIONS and 405, and the Node server's own errors. None of them carries a page, so the policy
 * lets nothing load. The proxy and the selfie route replace these with the full, per-request set.
 */
export function fallbackSecurityHeaders(): Record<string, string> {
  return {
    "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ...CONSTANT_HEADERS,
  };
}
