import type { Analysis, FailureCode } from "../domain/analysis";
import type { Product } from "../domain/catalog/product";
import type { SkinReport } from "../domain/skin-report";

/** What runAnalysis needs from the world. The Lambda and the local job runner each supply their own. */
export interface PipelinePorts {
  /** Load the record; null when it does not exist. */
  loadAnalysis(id: string): Promise<Analysis | null>;
  /** Persist a new version of the record. Every status change goes through here, so subscribers see it. */
  saveAnalysis(analysis: Analysis): Promise<void>;
  /** The uploaded selfie's bytes. Throws PipelineError("IMAGE_MISSING") when it is gone. */
  readImage(imageKey: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** Calls the model endpoint; throws PipelineError with MODEL_* / TIMEOUT / BAD_IMAGE codes. */
  invokeModel(image: { bytes: Uint8Array; contentType: string }): Promise<SkinReport>;
  catalog: readonly Product[];
  /** ISO-8601 timestamp. */
  now(): string;
}

/** A failure the pipeline knows how to record on the analysis. */
export class PipelineError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PipelineError";
  }
}
