import { AnalysisRecordError } from "../../../amplify/data/analysis-record";
import { BackendError, type BackendErrorCode, type BackendErrorReason } from "../port";

/** Cognito / Amplify error names → the port's codes and a message a person can act on. */
const BY_NAME: Record<string, { code: BackendErrorCode; message: string; reason?: BackendErrorReason }> = {
  UserUnAuthenticatedException: { code: "UNAUTHENTICATED", message: "Please sign in again." },
  NotAuthorizedException: {
    code: "UNAUTHENTICATED",
    message: "Incorrect email or password.",
    reason: "BAD_CREDENTIALS",
  },
  UserNotFoundException: {
    code: "UNAUTHENTICATED",
    message: "Incorrect email or password.",
    reason: "BAD_CREDENTIALS",
  },
  UserNotConfirmedException: { code: "UNAUTHENTICATED", message: "Please confirm your email address first." },
  UsernameExistsException: {
    code: "CONFLICT",
    message: "An account with this email already exists.",
    reason: "EMAIL_TAKEN",
  },
  InvalidPasswordException: {
    code: "INVALID_INPUT",
    message: "Use at least 12 characters, with upper- and lower-case letters and a number.",
  },
  InvalidParameterException: { code: "INVALID_INPUT", message: "Please check what you entered." },
  TooManyRequestsException: { code: "RATE_LIMITED", message: "Too many attempts. Please wait a minute." },
  LimitExceededException: { code: "RATE_LIMITED", message: "Too many attempts. Please wait a minute." },
  NetworkError: { code: "UNAVAILABLE", message: "We can't reach the server. Check your connection." },
};

interface GraphQlErrorLike {
  errorType?: string;
  message?: string;
}

/** One place that turns whatever aws-amplify threw (or returned in `errors`) into a BackendError. */
export function toBackendError(error: unknown, fallback = "Something went wrong. Please try again."): BackendError {
  if (error instanceof BackendError) return error;
  if (error instanceof AnalysisRecordError)
    return new BackendError("INTERNAL", "This analysis could not be read.", { cause: error });
  const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
  const known = BY_NAME[name];
  if (known) return new BackendError(known.code, known.message, { cause: error, reason: known.reason });
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new BackendError("UNAVAILABLE", "We can't reach the server. Check your connection.", { cause: error });
  }
  return new BackendError("INTERNAL", fallback, { cause: error });
}

/** Data-client calls resolve with `errors` instead of throwing; this turns them into one BackendError. */
export function graphQlError(errors: readonly GraphQlErrorLike[], fallback: string): BackendError {
  const types = errors.map((e) => e.errorType ?? "");
  if (types.some((t) => /Unauthorized|UnauthorizedException/.test(t))) {
    return new BackendError("UNAUTHENTICATED", "Please sign in again.", { cause: errors });
  }
  if (types.some((t) => /ConditionalCheckFailed/.test(t))) {
    return new BackendError("CONFLICT", "This analysis was changed elsewhere. Please reload.", { cause: errors });
  }
  if (types.some((t) => /Throttl|RateLimit/.test(t))) {
    return new BackendError("RATE_LIMITED", "Too many requests. Please wait a minute.", { cause: errors });
  }
  return new BackendError("INTERNAL", fallback, { cause: errors });
}
