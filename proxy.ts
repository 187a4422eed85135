import { NextResponse, type NextRequest } from "next/server";
import { isLocalMode } from "@/lib/local-cloud/config";
import { createNonce } from "@/lib/web-security/csp";
import { securityHeaders } from "@/lib/web-security/headers";
import { isAllowedHost, readAllowedHosts, readRequestOrigin, readTrustProxy } from "@/lib/web-security/hosts";
import {
  ACTION_NOT_FOUND_HEADER,
  isImageOptimizerPath,
  isStaticAsset,
  isStaticMethod,
  refuseServerAction,
  STATIC_CONDITIONAL_HEADERS,
  STATIC_METHODS,
} from "@/lib/web-security/next-quirks";
import { hasMalformedEscape } from "@/lib/web-security/percent-encoding";
import { isPagePath, PAGE_METHODS } from "@/lib/web-security/route-methods";

/**
 * Runs before every request, pages, API, images and static files alike: refuses foreign Host
 * headers in local mode, answers undecodable paths before Next's router throws on them, and sets
 * the security headers with a fresh CSP nonce. It also answers or repairs the requests for build
 * files that Next itself would answer with a bare 500, and the image optimiser and Server Action
 * requests that Next would answer with a log line each (lib/web-security/next-quirks.ts). What the
 * proxy cannot see is handled in lib/web-security/node-server-guard.ts.
 */
export function proxy(request: NextRequest): NextResponse {
  const local = isLocalMode();
  const trustProxy = readTrustProxy();
  const origin = readRequestOrigin(request.headers, trustProxy);
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    cloud: !local,
    dev: process.env.NODE_ENV === "development",
    // Amplify Hosting always sits behind TLS; browsers ignore HSTS sent over plain HTTP anyway.
    https: !local || origin.scheme === "https",
  });
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const isStatic = isStaticAsset(pathname);

  // DNS rebinding: a page on evil.example that resolves to 127.0.0.1 still sends Host: evil.example.
  if (local && !isAllowedHost(origin.host, readAllowedHosts())) {
    return withHeaders(refuse(isApi, 403, "FORBIDDEN", "This server does not answer to that host name."), headers);
  }
  if (hasMalformedEscape(pathname)) {
    if (isApi) return withHeaders(refuse(true, 400, "INVALID_INPUT", "That address is not valid."), headers);
    // Any path no route matches renders app/not-found.tsx with a 404.
    // Same origin as Next itself sees it: a URL built from the Host header would be proxied as external.
    const notFound = request.nextUrl.clone();
    notFound.pathname = "/_malformed-url";
    notFound.search = "";
    return withHeaders(NextResponse.rewrite(notFound), headers);
  }

  if (isStatic && !isStaticMethod(request.method)) {
    const response = refuse(false, 405, "METHOD_NOT_ALLOWED", "Method not allowed.");
    response.headers.set("Allow", STATIC_METHODS.join(", "));
    return withHeaders(response, headers);
  }
  if (isImageOptimizerPath(pathname)) {
    // No image optimiser here (next.config.mjs); answered before Next's would fetch `?url=` and log.
    return withHeaders(refuse(false, 404, "NOT_FOUND", "Not found."), headers);
  }
  const action = isApi ? null : refuseServerAction(request.method, request.headers);
  if (action) {
    const response = refuse(false, action.status, "INVALID_INPUT", action.body);
    if (action.status === 409) response.headers.set(ACTION_NOT_FOUND_HEADER, "1");
    return withHeaders(response, headers);
  }

  // Next renders a page for any method (DELETE /history was a 200) and answers OPTIONS on one with a 400.
  if (isPagePath(pathname) && request.method === "OPTIONS") {
    return withHeaders(new NextResponse(null, { status: 204, headers: { Allow: PAGE_METHODS.join(", ") } }), headers);
  }
  if (isPagePath(pathname) && !(PAGE_METHODS as readonly string[]).includes(request.method)) {
    const response = refuse(false, 405, "METHOD_NOT_ALLOWED", "Method not allowed.");
    response.headers.set("Allow", PAGE_METHODS.join(", "));
    return withHeaders(response, headers);
  }

  // Next reads the nonce back from the request's CSP header and stamps its own inline scripts.
  const requestHeaders = new Headers(request.headers);
  if (isStatic) for (const name of STATIC_CONDITIONAL_HEADERS) requestHeaders.delete(name);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"] ?? "");
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function refuse(json: boolean, status: number, code: string, message: string): NextResponse {
  return json
    ? NextResponse.json({ code, message }, { status, headers: { "Cache-Control": "no-store" } })
    : new NextResponse(message, {
        status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything except a well-formed selfie upload: for a request it matches, Next first copies the
  // whole body for the proxy (cut at 10 MB, and a client hang-up mid-copy lands on its logged error path).
  // That route sets the same headers itself (app/api/local/analyses/[id]/image/route.ts).
  matcher: ["/((?!api/local/analyses/[0-9a-fA-F-]{36}/image/?$).*)"],
};
