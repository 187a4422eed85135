import { PipelineError } from "./ports";
import type { FailureCode } from "../domain/analysis";

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
  OriginalMessage?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * What a person is told when the model refuses the bytes, by the model server's own input-error code
 * (amplify/model/server.ts sends `{ code }`): "use a JPEG, PNG or WebP" was wrong for a 1×1 PNG.
 */
const BAD_IMAGE_MESSAGES: Record<string, string> = {
  TOO_SMALL: "That photo is too small. Please use one at least 320 pixels on its shorter side.",
  TOO_LARGE: "That photo is too large. Please use one under 15 MB.",
  TOO_MANY_PIXELS: "That photo has too many pixels. Please use one under 40 megapixels.",
  CORRUPT: "That photo could not be read; the file may be damaged. Please take or choose another.",
  EMPTY: "That file is empty. Please take or choose a photo.",
};

/** The model server's input-error code, from a local 4xx (`code`) or SageMaker's ModelError (`OriginalMessage` JSON). */
function containerCode(e: ErrorShape): string | null {
  if (typeof e.OriginalMessage === "string") {
    try {
      const body = JSON.parse(e.OriginalMessage) as { code?: unknown };
      return typeof body.code === "string" ? body.code : null;
    } catch {
      return null;
    }
  }
  return typeof e.code === "string" ? e.code : null;
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
    return e.errors.some(
      (inner: unknown) => typeof inner === "object" && inner !== null && isConnectionError(inner as ErrorShape),
    );
  }
  return false;
}

export function toModelError(error: unknown): PipelineError {
  const code = classifyModelError(error);
  const detail = error instanceof Error ? error.message : String(error);
  const input =
    code === "BAD_IMAGE" && typeof error === "object" && error !== null ? containerCode(error as ErrorShape) : null;
  const userMessage = input ? BAD_IMAGE_MESSAGES[input] : undefined;
  return new PipelineError(code, `Model call failed (${code}): ${detail}`, {
    cause: error,
    ...(userMessage ? { userMessage } : {}),
  });
}
