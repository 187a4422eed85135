/**
 * What each route reads at most, checked where Node hands a request to Next (node-server-guard.ts):
 * for every route proxy.ts runs on, Next first copies the whole body in memory for the proxy (up to
 * 10 MB, then it logs a warning and cuts it), before any route could refuse it.
 */

/** A JSON request body (lib/local-cloud/http.ts readJson); no page takes a body at all. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** A kept guest result's signed claim (app/api/local/guest/keep/route.ts). */
export const GUEST_CLAIM_BODY_LIMIT = 1024 * 1024;

/**
 * The longest request-target served; a longer one gets 414. The app's own URLs are under 200
 * characters; 4 KB leaves room for a long query and stays well inside Node's 16 KB header limit.
 */
export const MAX_REQUEST_TARGET = 4 * 1024;

/** The selfie upload skips proxy.ts (its matcher) and checks its own, larger limit as it reads. */
const SELF_LIMITED = /^\/api\/local\/analyses\/[0-9a-fA-F-]{36}\/image\/?$/;

/** The body limit for a request path (with or without its query); null when the route checks its own. */
export function bodyLimitFor(target: string): number | null {
  const path = target.split("?", 1)[0] ?? target;
  if (SELF_LIMITED.test(path)) return null;
  if (path === "/api/local/guest/keep") return GUEST_CLAIM_BODY_LIMIT;
  return JSON_BODY_LIMIT;
}
