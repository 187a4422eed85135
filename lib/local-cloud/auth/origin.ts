import { isAllowedHost, readAllowedHosts, readRequestOrigin, readTrustProxy } from "../../web-security/hosts";
import { LocalCloudError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginPolicy {
  trustProxy: boolean;
  allowedHosts: ReadonlySet<string>;
}

const policyFromEnv = (): OriginPolicy => ({ trustProxy: readTrustProxy(), allowedHosts: readAllowedHosts() });

/**
 * Cross-site request forgery guard for state-changing requests. Browsers send Origin on every
 * non-GET fetch; its scheme and host must be the ones this request was addressed to, and an
 * allowed host. Forwarded headers count only when TRUST_PROXY says a proxy sets them. Clients
 * that send no Origin (curl, Node) are not browsers riding a victim's cookie, so they pass;
 * SameSite=Lax covers the rest.
 */
export function assertSameOrigin(request: Request, policy: OriginPolicy = policyFromEnv()): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const expected = readRequestOrigin(request.headers, policy.trustProxy);
  let sent: URL;
  let addressed: URL;
  try {
    sent = new URL(origin);
    addressed = new URL(`${expected.scheme}://${expected.host ?? ""}`);
  } catch {
    throw forbidden();
  }
  if (sent.protocol !== addressed.protocol || sent.host !== addressed.host) throw forbidden();
  if (!isAllowedHost(sent.host, policy.allowedHosts)) throw forbidden();
}

const forbidden = () => new LocalCloudError("FORBIDDEN", "This request came from another site, so it was refused.");
