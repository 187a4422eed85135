import { z } from "zod";
import { message, type Message } from "./message";
import { recommendationSchema } from "./recommend/recommendation";
import { qualityIssueSchema, skinReportSchema } from "./skin-report";
import { surveySchema } from "./survey";

export const ANALYSIS_STATUSES = ["CREATED", "UPLOADED", "ANALYZING", "RECOMMENDING", "COMPLETE", "FAILED"] as const;
export const analysisStatusSchema = z.enum(ANALYSIS_STATUSES);
export type AnalysisStatus = z.infer<typeof analysisStatusSchema>;

export const TERMINAL_STATUSES: readonly AnalysisStatus[] = ["COMPLETE", "FAILED"];

const NEXT: Record<AnalysisStatus, readonly AnalysisStatus[]> = {
  CREATED: ["UPLOADED", "FAILED"],
  UPLOADED: ["ANALYZING", "FAILED"],
  ANALYZING: ["RECOMMENDING", "FAILED"],
  RECOMMENDING: ["COMPLETE", "FAILED"],
  COMPLETE: [],
  // A retryable failure starts over from the uploaded photo; a retake goes back to CREATED.
  FAILED: ["UPLOADED", "CREATED"],
};

export function canTransition(from: AnalysisStatus, to: AnalysisStatus): boolean {
  return NEXT[from].includes(to);
}

export function isTerminal(status: AnalysisStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export const FAILURE_CODES = [
  "QUALITY",
  "BAD_IMAGE",
  "MODEL_UNAVAILABLE",
  "MODEL_THROTTLED",
  "MODEL_WARMING",
  "MODEL_BAD_OUTPUT",
  "TIMEOUT",
  "IMAGE_MISSING",
  "INTERNAL",
] as const;
export const failureCodeSchema = z.enum(FAILURE_CODES);
export type FailureCode = z.infer<typeof failureCodeSchema>;

/**
 * Retryable means "try the same photo again later"; QUALITY and BAD_IMAGE need a new photo.
 * MODEL_BAD_OUTPUT is retryable because a redeployed model may answer correctly.
 */
export const FAILURE_RETRYABLE: Record<FailureCode, boolean> = {
  QUALITY: false,
  BAD_IMAGE: false,
  MODEL_UNAVAILABLE: true,
  MODEL_THROTTLED: true,
  MODEL_WARMING: true,
  MODEL_BAD_OUTPUT: true,
  TIMEOUT: true,
  IMAGE_MISSING: false,
  INTERNAL: true,
};

export const FAILURE_MESSAGES: Record<FailureCode, string> = {
  QUALITY: "We couldn't use this photo. See the tips below and take another one.",
  BAD_IMAGE: "That file isn't a photo we can read. Please use a JPEG, PNG or WebP image.",
  MODEL_UNAVAILABLE: "Our skin analyser is not available right now. Please try again in a minute.",
  MODEL_THROTTLED: "Our skin analyser is busy right now. Please try again in a minute.",
  MODEL_WARMING: "Our skin analyser is warming up. Please try again in a minute.",
  MODEL_BAD_OUTPUT: "Something went wrong while reading your results. Please try again.",
  TIMEOUT: "The analysis took too long. Please try again.",
  IMAGE_MISSING: "We couldn't find your photo. Please upload it again.",
  INTERNAL: "Something went wrong on our side. Please try again.",
};

export const failureSchema = z.object({
  code: failureCodeSchema,
  message: z.string().min(1),
  retryable: z.boolean(),
  /** Present for QUALITY failures: what to fix before retaking. */
  issues: z.array(qualityIssueSchema).optional(),
});
export type Failure = z.infer<typeof failureSchema>;

/**
 * What a failure means for the person, as a message key. Stored failures carry English `message` text too
 * (the data API's consumers read it); the code alone recovers the key, so old records show translated.
 */
export function failureMessage(failure: Pick<Failure, "code">): Message {
  return message(`quality.failure.${failure.code}`);
}

export function makeFailure(code: FailureCode, issues?: Failure["issues"]): Failure {
  return {
    code,
    message: FAILURE_MESSAGES[code],
    retryable: FAILURE_RETRYABLE[code],
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
}

/**
 * An analysis id in a URL. Both backends make UUIDs (local: randomUUID; Amplify: AppSync's autoId, and a guest
 * check's crypto.randomUUID), so anything else is not found without asking the backend.
 */
export const analysisIdSchema = z.uuid();

export const analysisSchema = z.object({
  id: z.string().min(1),
  owner: z.string().min(1),
  status: analysisStatusSchema,
  survey: surveySchema,
  imageKey: z.string().nullable(),
  report: skinReportSchema.nullable(),
  recommendation: recommendationSchema.nullable(),
  failure: failureSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  /**
   * Set while ANALYZING when the model endpoint is cold and the pipeline is retrying it
   * (a serverless endpoint can take minutes to start), so the page can say so instead of failing.
   */
  modelWaking: z.boolean().optional(),
});
export type Analysis = z.infer<typeof analysisSchema>;

/** Returns a new record moved to `to`, or throws if the status machine forbids it. */
export function transition(
  analysis: Analysis,
  to: AnalysisStatus,
  now: string,
  patch: Partial<Pick<Analysis, "report" | "recommendation" | "failure" | "imageKey">> = {},
): Analysis {
  if (!canTransition(analysis.status, to)) {
    throw new InvalidTransitionError(analysis.status, to);
  }
  const next: Analysis = {
    ...analysis,
    ...patch,
    status: to,
    failure: to === "FAILED" ? (patch.failure ?? analysis.failure) : null,
    updatedAt: now,
    completedAt: to === "COMPLETE" ? now : analysis.completedAt,
  };
  // A status change ends any wait for the model.
  delete next.modelWaking;
  return next;
}

export class InvalidTransitionError extends Error {
  readonly code = "INVALID_TRANSITION";
  constructor(
    readonly from: AnalysisStatus,
    readonly to: AnalysisStatus,
  ) {
    super(`An analysis cannot go from ${from} to ${to}.`);
    this.name = "InvalidTransitionError";
  }
}
