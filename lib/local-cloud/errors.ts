import type { BackendErrorReason } from "../domain/error-reason";

/** Error codes the local cloud answers with; each maps to one HTTP status in one place. */
export const LOCAL_ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A signed-in person re-entered the wrong password for an action that asks for it (deleting the account). */
  WRONG_PASSWORD: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  /** Too many accounts opened from one client address (SIGN_UPS_PER_HOUR): a wait of minutes, not seconds. */
  SIGN_UP_LIMITED: 429,
  // nginx's "client closed request": the client hung up mid-request; nobody reads the answer.
  CLIENT_CLOSED: 499,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type LocalErrorCode = keyof typeof LOCAL_ERROR_STATUS;

export class LocalCloudError extends Error {
  /** Sent as Retry-After with RATE_LIMITED. */
  readonly retryAfterS?: number;
  /** Sent as `reason`: what the page words in the person's language where `message` is English. */
  readonly reason?: BackendErrorReason;

  constructor(
    readonly code: LocalErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterS?: number; reason?: BackendErrorReason },
  ) {
    super(message, { cause: options?.cause });
    this.name = "LocalCloudError";
    this.retryAfterS = options?.retryAfterS;
    this.reason = options?.reason;
  }

  get status(): number {
    return LOCAL_ERROR_STATUS[this.code];
  }
}

/**
 * Next bundles each route handler separately, so an error thrown by the singleton created in
 * another bundle fails `instanceof`; recognise it by shape instead.
 */
export function isLocalCloudError(error: unknown): error is LocalCloudError {
  return (
    error instanceof Error &&
    error.name === "LocalCloudError" &&
    typeof (error as unknown as { code?: unknown }).code === "string" &&
    (error as unknown as { code: string }).code in LOCAL_ERROR_STATUS
  );
}

export const notFound = (what = "analysis") => new LocalCloudError("NOT_FOUND", `We couldn't find that ${what}.`);
