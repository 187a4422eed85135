import type { Analysis, FailureCode } from "../domain/analysis";
import type { Product } from "../domain/catalog/product";
import type { SkinReport } from "../domain/skin-report";

export interface ModelImage {
  bytes: Uint8Array;
  contentType: string;
}

/** What runAnalysis needs from the world. The Lambda and the local job runner each supply their own. */
export interface PipelinePorts {
  /** Load the record; null when it does not exist. */
  loadAnalysis(id: string): Promise<Analysis | null>;
  /** Persist a new version of the record. Every status change goes through here, so subscribers see it. */
  saveAnalysis(analysis: Analysis): Promise<void>;
  /** The uploaded selfie's bytes. Throws PipelineError("IMAGE_MISSING") when it is gone. */
  readImage(imageKey: string): Promise<ModelImage>;
  /**
   * Calls the model endpoint; throws PipelineError with MODEL_* / TIMEOUT / BAD_IMAGE codes.
   * `timeoutMs` overrides the invoker's own timeout so a retried call fits the remaining budget.
   */
  invokeModel(image: ModelImage, options?: { timeoutMs?: number }): Promise<SkinReport>;
  /** When set, a cold or busy model is retried within this budget; otherwise it is called once. */
  modelRetry?: ModelRetryPolicy;
  catalog: readonly Product[];
  /** ISO-8601 timestamp. */
  now(): string;
}

/**
 * How the pipeline retries a model that is not answering yet (see model-retry.ts). Attempts and
 * backoff stay inside the caller's time budget.
 */
export interface ModelRetryPolicy {
  /** Milliseconds the pipeline may still spend on model calls and waits. */
  remainingMs(): number;
  /** Upper bound of one call. */
  attemptTimeoutMs: number;
  /** Not worth starting a call with less time than this. */
  minAttemptMs: number;
  /** First backoff; it doubles each attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A failure the pipeline knows how to record on the analysis. */
export class PipelineError extends Error {
  /** A message for the person, when the code's standard one would mislead (e.g. a photo too large). */
  readonly userMessage: string | undefined;
  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown; userMessage?: string },
  ) {
    super(message, options);
    this.name = "PipelineError";
    this.userMessage = options?.userMessage;
  }
}
