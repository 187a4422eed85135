import { buildCsp, type CspOptions } from "./csp";

// Two years, the HSTS preload list's minimum; sent only over HTTPS, where browsers honour it.
const HSTS = "max-age=63072000; includeSubDomains";

/** Every response's security headers, CSP included. */
export function securityHeaders(options: CspOptions): Record<string, string> {
  return {
    "Content-Security-Policy": buildCsp(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // frame-ancestors 'none' in the CSP does the same for current browsers; this covers older ones.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
