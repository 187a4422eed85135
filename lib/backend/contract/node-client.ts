import { EventSource } from "eventsource";
import { createLocalBackend } from "../local";
import type { BackendPort } from "../port";

/** A browser-like cookie store for one Node "user": keeps what Set-Cookie sets, sends it back. */
export function createCookieFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
    return response;
  };
}

/** The local adapter as a browser would run it, in Node: own cookie jar, EventSource from `eventsource`. */
export function createNodeLocalBackend(baseUrl: string): { backend: BackendPort; fetch: typeof fetch } {
  const cookieFetch = createCookieFetch();
  const backend = createLocalBackend({
    baseUrl,
    fetch: cookieFetch,
    createEventSource: (url) => new EventSource(new URL(url, baseUrl), { fetch: (u, i) => cookieFetch(u, i) }),
  });
  return { backend, fetch: cookieFetch };
}
