import type { FailureCode } from "../domain/analysis";
import { PipelineError } from "./ports";

/** SageMaker runtime error names that mean "the endpoint cannot serve right now". */
const UNAVAILABLE_NAMES = new Set([
  "ServiceUnavailable",
  "InternalFailure",
  "InternalDependencyException",
  "ModelNotReadyException",
  // Raised when the endpoint does not exist or is still being created.
  "ValidationError",
]);
const THROTTLED_NAMES = new Set(["ThrottlingException", "TooManyRequestsException"]);
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
const TIMEOUT_NAMES = new Set(["AbortError", "TimeoutError", "RequestTimeout"]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  errors?: unknown;
  OriginalStatusCode?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Maps whatever the SDK threw to the failure code the analysis records. */
export function classifyModelError(error: unknown): FailureCode {
  if (typeof error !== "object" || error === null) return "INTERNAL";
  const e = error as ErrorShape;
  const name = typeof e.name === "string" ? e.name : "";
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;

  // Connection codes first: the SDK names a socket dropped mid-request "TimeoutError" (code ECONNRESET),
  // but a model server that died is unavailable, not slow.
  if (isConnectionError(e)) return "MODEL_UNAVAILABLE";
  if (TIMEOUT_NAMES.has(name) || e.code === "ETIMEDOUT") return "TIMEOUT";
  if (THROTTLED_NAMES.has(name) || status === 429) return "MODEL_THROTTLED";
  if (name === "ModelError") {
    // SageMaker wraps the container's reply: a 4xx from the container means it rejected the bytes.
    const original = typeof e.OriginalStatusCode === "number" ? e.OriginalStatusCode : 500;
    return original >= 400 && original < 500 ? "BAD_IMAGE" : "MODEL_UNAVAILABLE";
  }
  if (UNAVAILABLE_NAMES.has(name)) return "MODEL_UNAVAILABLE";
  if (status !== undefined && status >= 500) return "MODEL_UNAVAILABLE";
  // The local model server answers a non-image with a 4xx and a JSON `{ code }` of its own.
  if (status !== undefined && status >= 400 && typeof e.code === "string") return "BAD_IMAGE";
  return "INTERNAL";
}

function isConnectionError(e: ErrorShape): boolean {
  if (typeof e.code === "string" && CONNECTION_CODES.has(e.code)) return true;
  // Node 20's happy-eyeballs connect throws an AggregateError holding one error per address.
  if (Array.isArray(e.errors)) {
    return e.errors.some((inner: unknown) => typeof inner === "object" && inner !== null && isConnectionError(inner as ErrorShape));
  }
  return false;
}

export function toModelError(error: unknown): PipelineError {
  const code = classifyModelError(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new PipelineError(code, `Model call failed (${code}): ${detail}`, { cause: error });
}
