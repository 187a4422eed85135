import { BackendError } from "@/lib/backend/port";

/** BackendError messages are written for people; anything else is unexpected and gets a generic line. */
export function describeError(error: unknown, fallback = "Something went wrong. Please try again."): string {
  if (error instanceof BackendError) return error.message;
  if (typeof console !== "undefined") console.error(error);
  return fallback;
}

export function isBackendError(error: unknown, code: BackendError["code"]): boolean {
  return error instanceof BackendError && error.code === code;
}
