import { LocalCloudError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for state-changing requests. Browsers send Origin on every
 * non-GET fetch; it must name this host. Clients that send no Origin (curl, Node) are not browsers
 * riding a victim's cookie, so they pass; SameSite=Lax covers the rest.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden();
  }
  if (!host || originHost !== host) throw forbidden();
}

const forbidden = () =>
  new LocalCloudError("FORBIDDEN", "This request came from another site, so it was refused.");
