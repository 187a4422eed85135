/** Every method some route of the app answers: the Allow header of the server-wide refusals. */
export const ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

export type RequestTarget = { kind: "path"; path: string } | { kind: "options-server" } | { kind: "invalid" };

/**
 * The request-target as the path Next should see (RFC 9112 §3.2). Node passes any of the four forms
 * on; Next parses the target as a URL path and throws on the others (a logged 500).
 *  - origin-form (`/history?x=1`): as it is;
 *  - absolute-form (`http://host/history`), which only proxies are sent: its path, when it names the
 *    host the Host header names. An origin server must prefer the target's host over Host (§3.2.2),
 *    which would let it steer past the Host allowlist; a target naming another host is refused;
 *  - asterisk-form (`*`): only for OPTIONS, about the server as a whole;
 *  - anything else (authority-form belongs to CONNECT, which never reaches a request handler): invalid.
 */
export function readRequestTarget(method: string, target: string, host: string | undefined): RequestTarget {
  if (target.startsWith("/")) return { kind: "path", path: target };
  if (target === "*") return method === "OPTIONS" ? { kind: "options-server" } : { kind: "invalid" };
  if (!/^https?:\/\//i.test(target)) return { kind: "invalid" };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { kind: "invalid" };
  }
  if (host === undefined || url.host !== host.toLowerCase()) return { kind: "invalid" };
  return { kind: "path", path: `${url.pathname}${url.search}` };
}
