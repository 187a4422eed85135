// The names a browser on this machine uses; anything else is a DNS-rebinding attempt or a typo.
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Hostnames the local server answers to: loopback plus `ALLOWED_HOSTS` (comma-separated names,
 * without ports, e.g. `skinsight.lan,192.168.1.20`) for serving it to other devices.
 */
export function readAllowedHosts(env: Record<string, string | undefined> = process.env): ReadonlySet<string> {
  const extra = (env.ALLOWED_HOSTS ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return new Set([...LOOPBACK_HOSTS, ...extra]);
}

/** `TRUST_PROXY=1` says a reverse proxy in front sets X-Forwarded-Host/Proto/For; otherwise clients could forge them. */
export function readTrustProxy(env: Record<string, string | undefined> = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.TRUST_PROXY ?? "");
}

/** The hostname of a Host header value (`name[:port]`), lower-cased; null when it is not one. */
export function hostnameOf(host: string | null | undefined): string | null {
  if (!host || /[\s/\\?#@]/.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function isAllowedHost(host: string | null | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostnameOf(host);
  return name !== null && allowed.has(name);
}

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

export interface RequestOrigin {
  /** "http" or "https" */
  scheme: string;
  /** The Host header value (name[:port]) the browser addressed. */
  host: string | null;
}

/**
 * The scheme and host the browser used. `next start` terminates no TLS, so without a trusted
 * proxy the scheme is http and the host is the Host header; forwarded headers count only behind
 * a proxy that overwrites them.
 */
export function readRequestOrigin(headers: Headers, trustProxy: boolean): RequestOrigin {
  if (!trustProxy) return { scheme: "http", host: headers.get("host") };
  const proto = first(headers.get("x-forwarded-proto"));
  return {
    scheme: proto === "https" ? "https" : "http",
    host: first(headers.get("x-forwarded-host")) ?? headers.get("host"),
  };
}
