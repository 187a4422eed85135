import { z } from "zod";
import { BackendError, isBackendErrorReason, type BackendErrorCode } from "../port";

const errorBodySchema = z.object({ code: z.string(), message: z.string(), reason: z.unknown().optional() });

const STATUS_CODES: Record<number, BackendErrorCode> = {
  400: "INVALID_INPUT",
  401: "UNAUTHENTICATED",
  403: "UNAUTHENTICATED",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "TOO_LARGE",
  415: "UNSUPPORTED_MEDIA",
  422: "INVALID_INPUT",
  429: "RATE_LIMITED",
  502: "UNAVAILABLE",
  503: "UNAVAILABLE",
  504: "UNAVAILABLE",
};

/** Body codes that say more than their status: kept when they arrive with the status they belong to. */
const REFINED_CODES = new Map<string, { code: BackendErrorCode; status: BackendErrorCode }>([
  ["WRONG_PASSWORD", { code: "WRONG_PASSWORD", status: "UNAUTHENTICATED" }],
  ["SIGN_UP_LIMITED", { code: "SIGN_UP_LIMITED", status: "RATE_LIMITED" }],
]);

const FALLBACK_MESSAGES: Record<BackendErrorCode, string> = {
  UNAUTHENTICATED: "Please sign in to continue.",
  NOT_FOUND: "We couldn't find that.",
  CONFLICT: "That can't be done right now.",
  INVALID_INPUT: "Some of what you sent isn't valid.",
  TOO_LARGE: "That file is too large.",
  UNSUPPORTED_MEDIA: "That file type isn't supported.",
  RATE_LIMITED: "Too many attempts. Please wait a little and try again.",
  SIGN_UP_LIMITED: "Many accounts were created from this connection. Please wait a few minutes and try again.",
  WRONG_PASSWORD: "That password isn't right. Nothing was deleted.",
  UNAVAILABLE: "Skinsight is not reachable right now. Please try again in a moment.",
  INTERNAL: "Something went wrong on our side. Please try again.",
};

/** Turns a non-2xx response into a BackendError carrying the server's human message. */
export async function toBackendError(response: Response): Promise<BackendError> {
  const code = STATUS_CODES[response.status] ?? (response.status >= 500 ? "INTERNAL" : "INVALID_INPUT");
  // Not JSON (e.g. a proxy's error page): the status's own message.
  const body = errorBodySchema.safeParse(await response.json().catch(() => null));
  if (!body.success) return new BackendError(code, FALLBACK_MESSAGES[code]);
  const { message } = body.data;
  // A reason this client does not know (a newer server) is left out: the code's wording still fits.
  const reason = isBackendErrorReason(body.data.reason) ? { reason: body.data.reason } : {};
  // The status alone is ambiguous: 403 is also "not yours", 429 also the general throttle.
  const refined = REFINED_CODES.get(body.data.code);
  if (refined && STATUS_CODES[response.status] === refined.status)
    return new BackendError(refined.code, message, reason);
  return new BackendError(code, message, reason);
}

/** fetch that turns network failures into UNAVAILABLE and non-2xx answers into BackendErrors. */
export async function send(fetchFn: typeof fetch, url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, { credentials: "same-origin", cache: "no-store", ...init });
  } catch (error) {
    throw new BackendError("UNAVAILABLE", FALLBACK_MESSAGES.UNAVAILABLE, { cause: error });
  }
  if (!response.ok) throw await toBackendError(response);
  return response;
}

/** Parses a response body with a schema; a mismatch is our bug, not the user's. */
export async function parseBody<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new BackendError("INTERNAL", FALLBACK_MESSAGES.INTERNAL, { cause: parsed.error });
  }
  return parsed.data;
}

export const jsonInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});
