import { z } from "zod";
import { findGuest, GUEST_COOKIE, readCookie } from "./auth/guest-sessions";
import { assertSameOrigin } from "./auth/origin";
import { findSessionUser, readSessionToken } from "./auth/sessions";
import { isLocalMode } from "./config";
import { isLocalCloudError, LocalCloudError, LOCAL_ERROR_STATUS, notFound } from "./errors";
import { getLocalCloud, type LocalCloud } from "./runtime";
import { analysisIdSchema } from "../domain/analysis";
import { JSON_BODY_LIMIT } from "../web-security/body-limits";
import { createNonce } from "../web-security/csp";
import { securityHeaders } from "../web-security/headers";
import { isAllowedHost, readAllowedHosts, readRequestOrigin, readTrustProxy } from "../web-security/hosts";
import type { LocalUser } from "./auth/accounts";

export const MAX_JSON_BYTES = JSON_BODY_LIMIT;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (isLocalCloudError(error)) {
    const retryAfter = error.retryAfterS ? { "Retry-After": String(error.retryAfterS) } : undefined;
    const reason = error.reason ? { reason: error.reason } : {};
    return jsonResponse(
      { code: error.code, message: error.message, ...reason },
      LOCAL_ERROR_STATUS[error.code],
      retryAfter,
    );
  }
  console.error("[local-cloud] unexpected error", error);
  return jsonResponse({ code: "INTERNAL", message: "Something went wrong on our side. Please try again." }, 500);
}

export interface RequestContext {
  cloud: LocalCloud;
  request: Request;
}

/**
 * Wraps a local route handler: 404 outside local mode, the Origin check on state-changing
 * requests, and one place that turns errors into `{ code, message }`.
 */
export async function handleLocal(request: Request, fn: (ctx: RequestContext) => Promise<Response>): Promise<Response> {
  if (!isLocalMode()) return jsonResponse({ code: "NOT_FOUND", message: "Not found." }, 404);
  try {
    // proxy.ts checks Host too; the selfie upload route bypasses it, and a second look costs nothing.
    if (!isAllowedHost(readRequestOrigin(request.headers, readTrustProxy()).host, readAllowedHosts())) {
      throw new LocalCloudError("FORBIDDEN", "This server does not answer to that host name.");
    }
    assertSameOrigin(request);
    return await fn({ cloud: getLocalCloud(), request });
  } catch (error) {
    return errorResponse(error);
  }
}

/** For the one route proxy.ts skips (selfie uploads): the headers the proxy would have set. */
export function withSecurityHeaders(request: Request, response: Response): Response {
  const headers = securityHeaders({
    nonce: createNonce(),
    cloud: false,
    dev: process.env.NODE_ENV === "development",
    https: isSecureRequest(request),
  });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function currentUser(ctx: RequestContext): LocalUser | null {
  const token = readSessionToken(ctx.request.headers.get("cookie"));
  return token ? findSessionUser(ctx.cloud.db, token, new Date()) : null;
}

export function requireUser(ctx: RequestContext): LocalUser {
  const user = currentUser(ctx);
  if (!user) throw new LocalCloudError("UNAUTHENTICATED", "Please sign in to continue.");
  return user;
}

/** Whoever owns records in this request: a signed-in user, else a guest with a live guest session. */
export interface Owner {
  id: string;
  guest: boolean;
}

export function currentOwner(ctx: RequestContext): Owner | null {
  const user = currentUser(ctx);
  if (user) return { id: user.id, guest: false };
  const token = readCookie(ctx.request.headers.get("cookie"), GUEST_COOKIE);
  const guestId = token ? findGuest(ctx.cloud.db, token, new Date()) : null;
  return guestId ? { id: guestId, guest: true } : null;
}

/** Routes a guest check uses too (one analysis: read, upload, start, events, photo). */
export function requireOwner(ctx: RequestContext): Owner {
  const owner = currentOwner(ctx);
  if (!owner) throw new LocalCloudError("UNAUTHENTICATED", "Please sign in to continue.");
  return owner;
}

/** Reads the body, refusing more than `maxBytes` whether or not Content-Length was sent. */
export async function readBody(request: Request, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new LocalCloudError("TOO_LARGE", tooLarge);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      // The body stream fails only when the client's connection does (it hung up mid-upload).
      throw new LocalCloudError("CLIENT_CLOSED", "The upload was interrupted before it finished.", { cause: error });
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new LocalCloudError("TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** JSON body → schema: 415 for another media type, 400 for broken JSON, 422 for a failed schema. */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = MAX_JSON_BYTES,
): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new LocalCloudError("UNSUPPORTED_MEDIA", "Send the request body as JSON (Content-Type: application/json).");
  }
  const text = (await readBody(request, maxBytes, "That request is too large.")).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LocalCloudError("INVALID_INPUT", "The request body is not valid JSON.", { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new LocalCloudError("UNPROCESSABLE", first?.message ?? "Some answers are not valid.", {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Route ids are UUIDs; anything else (traversal, injection, typos) is simply not found. */
export async function readId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  const parsed = analysisIdSchema.safeParse(id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** Whether the browser used HTTPS (then the session cookie is Secure); only a trusted proxy can say so. */
export function isSecureRequest(request: Request): boolean {
  return readRequestOrigin(request.headers, readTrustProxy()).scheme === "https";
}

/**
 * The client's address for throttling. Without a trusted proxy X-Forwarded-For holds exactly the
 * socket's peer (forwarded-headers.ts drops the client's own); behind one, its right-most entry
 * is the address that proxy saw.
 */
export function clientAddress(request: Request): string {
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return (readTrustProxy() ? entries.at(-1) : entries[0]) ?? "unknown";
}
