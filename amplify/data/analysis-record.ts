import { z } from "zod";
import type { Schema } from "./resource";
import { analysisSchema, type Analysis } from "../../lib/domain/analysis";

/**
 * The one mapping between Amplify's Analysis record and the domain Analysis. It lives beside the
 * schema it maps, so the analyze-skin function and the browser adapter (lib/backend/amplify) both
 * import it from the backend definition, and amplify/ never reaches into lib/backend. AWSJSON
 * fields travel as JSON strings in GraphQL, so they are stringified on the way in and parsed (then
 * validated with zod) on the way out.
 */

export type AnalysisRecord = Schema["Analysis"]["type"];
type UpdateInput = Schema["Analysis"]["updateType"];
type CreateInput = Schema["Analysis"]["createType"];

/** A stored record that does not match the domain schema (an old version, or a hand edit). */
export class AnalysisRecordError extends Error {
  readonly code = "BAD_RECORD";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AnalysisRecordError";
  }
}

/** AWSJSON arrives as a string; a value stringified twice (string inside string) is unwrapped too. */
export function parseJsonField(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 2 && typeof current === "string"; depth += 1) {
    try {
      current = JSON.parse(current);
    } catch (error) {
      throw new AnalysisRecordError("A JSON field of the analysis is not valid JSON.", { cause: error });
    }
  }
  return current ?? null;
}

const recordShape = z.object({
  id: z.string(),
  owner: z.string().nullish(),
  status: z.string().nullish(),
  survey: z.unknown(),
  imageKey: z.string().nullish(),
  report: z.unknown(),
  recommendation: z.unknown(),
  failure: z.object({ code: z.string(), message: z.string(), retryable: z.boolean(), issues: z.unknown() }).nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  completedAt: z.string().nullish(),
  modelWaking: z.boolean().nullish(),
});

/** Amplify record → domain Analysis; throws AnalysisRecordError when it does not fit. */
export function toAnalysis(record: unknown): Analysis {
  const shape = recordShape.safeParse(record);
  if (!shape.success) throw new AnalysisRecordError("The analysis record is missing fields.", { cause: shape.error });
  const r = shape.data;
  const failure = r.failure
    ? {
        code: r.failure.code,
        message: r.failure.message,
        retryable: r.failure.retryable,
        ...(r.failure.issues != null ? { issues: parseJsonField(r.failure.issues) } : {}),
      }
    : null;
  const parsed = analysisSchema.safeParse({
    id: r.id,
    owner: r.owner ?? null,
    status: r.status,
    survey: parseJsonField(r.survey),
    imageKey: r.imageKey ?? null,
    report: parseJsonField(r.report),
    recommendation: parseJsonField(r.recommendation),
    failure,
    createdAt: r.createdAt ?? r.updatedAt ?? "",
    updatedAt: r.updatedAt ?? r.createdAt ?? "",
    completedAt: r.completedAt ?? null,
    ...(r.modelWaking ? { modelWaking: true } : {}),
  });
  if (!parsed.success) {
    throw new AnalysisRecordError(`Analysis ${r.id} does not match the domain schema.`, { cause: parsed.error });
  }
  return parsed.data;
}

const stringifyOrNull = (value: unknown) => (value == null ? null : JSON.stringify(value));

/**
 * Domain Analysis → the update input. owner, createdAt and updatedAt are left out: AppSync owns
 * them, and sending owner would let a write move a record to another user.
 */
export function toUpdateInput(analysis: Analysis): UpdateInput {
  return {
    id: analysis.id,
    status: analysis.status,
    survey: JSON.stringify(analysis.survey),
    imageKey: analysis.imageKey,
    report: stringifyOrNull(analysis.report),
    recommendation: stringifyOrNull(analysis.recommendation),
    failure: analysis.failure
      ? {
          code: analysis.failure.code,
          message: analysis.failure.message,
          retryable: analysis.failure.retryable,
          issues: stringifyOrNull(analysis.failure.issues),
        }
      : null,
    completedAt: analysis.completedAt,
    // Always sent, so the save that leaves ANALYZING also clears it.
    modelWaking: analysis.modelWaking ?? null,
  };
}

/**
 * A new record: CREATED with the survey and nothing else. No id: AppSync generates it, and the
 * owner-protected schema refuses a client-chosen one ("Unauthorized on [id]"), as it refuses `owner`.
 */
export function toCreateInput(survey: Analysis["survey"]): CreateInput {
  return {
    status: "CREATED",
    survey: JSON.stringify(survey),
    imageKey: null,
    report: null,
    recommendation: null,
    failure: null,
    completedAt: null,
  };
}

/**
 * A kept guest result, created COMPLETE in the signed-in owner's history in one write. The owner could
 * write any record of their own anyway (allow.owner()), so a forged result reaches nobody else.
 */
export function toKeptCreateInput(result: Analysis): CreateInput {
  return {
    ...toCreateInput(result.survey),
    status: "COMPLETE",
    report: stringifyOrNull(result.report),
    recommendation: stringifyOrNull(result.recommendation),
    completedAt: result.completedAt,
  };
}
