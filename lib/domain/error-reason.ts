/**
 * What went wrong more precisely than an error's code, where the person can act on the difference. Servers send it
 * beside their English message, and the page words it in the person's language (messages
 * common.backendError.reason.*).
 */
export const BACKEND_ERROR_REASONS = [
  /** Signing in: no account has that email and password. */
  "BAD_CREDENTIALS",
  /** Signing up: the email already has an account. */
  "EMAIL_TAKEN",
  /** The upload is not an image that can be read (damaged, cut short). */
  "PHOTO_UNREADABLE",
  /** The photo's shorter side is under the analyzer's minimum. */
  "PHOTO_TOO_SMALL",
  /** The photo has more pixels than any phone camera takes (a decompression bomb, or a scan). */
  "PHOTO_TOO_MANY_PIXELS",
  /** The page's live updates gave up reconnecting (the local adapter's stream). */
  "LIVE_UPDATES_STOPPED",
] as const;
export type BackendErrorReason = (typeof BACKEND_ERROR_REASONS)[number];
export const isBackendErrorReason = (value: unknown): value is BackendErrorReason =>
  (BACKEND_ERROR_REASONS as readonly unknown[]).includes(value);
