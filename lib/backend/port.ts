import type { Analysis } from "../domain/analysis";
import type { BackendErrorReason } from "../domain/error-reason";
import type { Survey } from "../domain/survey";

/** The only backend surface pages and components see. Local and Amplify adapters implement it. */

export interface User {
  id: string;
  email: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; null when there is none. */
  nextCursor: string | null;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export type Unsubscribe = () => void;

export { BACKEND_ERROR_REASONS, isBackendErrorReason, type BackendErrorReason } from "../domain/error-reason";

export type BackendErrorCode =
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "TOO_LARGE"
  | "UNSUPPORTED_MEDIA"
  | "RATE_LIMITED"
  /** Local mode only: too many accounts opened from this client address; the wait is minutes. */
  | "SIGN_UP_LIMITED"
  /** The password re-entered to confirm an action (deleting the account) is wrong; nothing was done. */
  | "WRONG_PASSWORD"
  | "UNAVAILABLE"
  | "INTERNAL";

/** Adapters throw this (never raw SDK or HTTP errors) so pages can show `message` as-is. */
export class BackendError extends Error {
  readonly reason?: BackendErrorReason;

  constructor(
    readonly code: BackendErrorCode,
    message: string,
    options?: { cause?: unknown; reason?: BackendErrorReason },
  ) {
    super(message, options);
    this.name = "BackendError";
    this.reason = options?.reason;
  }
}

export interface BackendPort {
  readonly mode: "local" | "amplify";

  // auth: the Authenticator's `services` delegate here in local mode
  getCurrentUser(): Promise<User | null>;
  signUp(email: string, password: string): Promise<User>;
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;

  // analyses
  createAnalysis(survey: Survey): Promise<Analysis>;
  uploadSelfie(id: string, image: Blob, onProgress?: (p: UploadProgress) => void): Promise<Analysis>;
  startAnalysis(id: string): Promise<Analysis>;
  getAnalysis(id: string): Promise<Analysis | null>;
  /** Calls onChange with the current record first, then on every status change. Push, never polling. */
  observeAnalysis(
    id: string,
    onChange: (analysis: Analysis) => void,
    onError?: (error: BackendError) => void,
  ): Unsubscribe;
  listAnalyses(cursor?: string | null): Promise<Page<Analysis>>;
  /** Deletes the record and its image. */
  deleteAnalysis(id: string): Promise<void>;
  /** A URL the browser can show the owner's selfie from; null if there is no image. */
  getImageUrl(analysis: Pick<Analysis, "id" | "imageKey">): Promise<string | null>;

  // a guest check: one analysis without an account, deleted once its result has been shown
  /** Starts a guest session in this browser (no account). The analysis calls above then work for it. */
  beginGuestCheck(): Promise<void>;
  /**
   * The result is on screen: deletes the record, photo, events and guest session, and returns a signed copy
   * of the result (no photo) that `keepGuestResult` accepts within a day.
   */
  finishGuestCheck(id: string): Promise<GuestResult>;
  /** Signed in: moves a finished guest result into this user's history. */
  keepGuestResult(claim: string): Promise<Analysis>;

  // my data
  /** One zip: every analysis (survey, report, recommendation) as JSON, plus the photos still kept. */
  exportMyData(): Promise<Blob>;
  /**
   * Deletes every record, photo, session and event of this user, and the account itself; then signed out.
   * Asks for the password again first: a wrong one is WRONG_PASSWORD, and nothing is deleted.
   */
  deleteAccount(password: string): Promise<void>;
}

export interface GuestResult {
  /** Opaque; hand it to keepGuestResult after signing up to keep the result. */
  claim: string;
}
