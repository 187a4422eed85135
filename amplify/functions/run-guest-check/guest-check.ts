import { DeleteObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import type { AppSyncIdentity } from "aws-lambda";
import { z } from "zod";
import { guestCaller } from "./guest-identity";
import type { GuestLimiter } from "./guest-limit";
import { makeFailure, type Analysis } from "../../../lib/domain/analysis";
import type { Product } from "../../../lib/domain/catalog/product";
import { surveySchema } from "../../../lib/domain/survey";
import { createSageMakerInvoker, runAnalysis, type ModelRetryPolicy } from "../../../lib/pipeline";
import { parseJsonField } from "../../data/analysis-record";
import { GUEST_PREFIX, guestPhotoPath } from "../../storage/selfie-path";
import { createS3ImageReader } from "../shared/s3-image-reader";

/**
 * AppSync gives a request 30 s in all, Lambda's cold start included; the check stops its model
 * calls this long after the function starts, leaving GUEST_RESERVE_MS to delete the photo and answer.
 */
export const GUEST_BUDGET_MS = 27_000;
export const GUEST_RESERVE_MS = 2_000;

export interface GuestCheckDeps {
  s3: S3Client;
  sagemaker: SageMakerRuntimeClient;
  bucket: string;
  endpointName: string;
  catalog: readonly Product[];
  limiter: GuestLimiter;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RunGuestCheckEvent {
  arguments: { checkId: string; imageKey: string; survey: unknown };
  identity?: AppSyncIdentity | null;
}

export type GuestCheckAnswer =
  | { ok: true; analysis: Analysis }
  | { ok: false; code: "FORBIDDEN" | "INVALID_INPUT" }
  | { ok: false; code: "RATE_LIMITED"; retryAfterSeconds: number };

const checkIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** A model that does not answer within the guest's budget is almost always a serverless endpoint waking. */
const WARMING_CODES = new Set(["TIMEOUT", "MODEL_UNAVAILABLE"]);

/**
 * One guest check, start to finish, in one request. It runs the same pipeline as a signed-in check
 * (runAnalysis: quality gate, model, recommend) against a record that exists only in this invocation's
 * memory, so nothing reaches the data store; the photo is deleted whatever the outcome.
 */
export function createGuestCheckHandler(deps: GuestCheckDeps) {
  const clock = deps.clock ?? Date.now;
  const invokeModel = createSageMakerInvoker({ client: deps.sagemaker, endpointName: deps.endpointName });

  /** `remainingMs` is the Lambda context's getRemainingTimeInMillis. */
  return async (event: RunGuestCheckEvent, remainingMs: () => number): Promise<GuestCheckAnswer> => {
    const startedAt = clock();
    const caller = guestCaller(event.identity);
    if (!caller) return { ok: false, code: "FORBIDDEN" };
    const { checkId, imageKey } = event.arguments;
    // Only the caller's own folder: the function may read and delete every guest's, the caller may not.
    if (typeof imageKey !== "string" || !imageKey.startsWith(`${GUEST_PREFIX}${caller.identityId}/`)) {
      console.warn("runGuestCheck: refused a photo outside the caller's guest folder");
      return { ok: false, code: "FORBIDDEN" };
    }
    try {
      const id = checkIdSchema.safeParse(checkId);
      const survey = surveySchema.safeParse(safeJson(event.arguments.survey));
      if (!id.success || !survey.success || imageKey !== guestPhotoPath(caller.identityId, id.data)) {
        return { ok: false, code: "INVALID_INPUT" };
      }
      const decision = await deps.limiter.take(`ip:${caller.sourceIp ?? caller.identityId}`, startedAt);
      if (!decision.allowed) return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: decision.retryAfterSeconds };

      const iso = () => new Date(clock()).toISOString();
      let record: Analysis = {
        id: id.data,
        owner: "guest",
        status: "UPLOADED",
        survey: survey.data,
        imageKey,
        report: null,
        recommendation: null,
        failure: null,
        createdAt: iso(),
        updatedAt: iso(),
        completedAt: null,
      };
      const left = () => Math.min(remainingMs(), GUEST_BUDGET_MS - (clock() - startedAt)) - GUEST_RESERVE_MS;
      const final = await runAnalysis(record.id, {
        loadAnalysis: async () => record,
        saveAnalysis: async (next) => {
          record = next;
        },
        readImage: createS3ImageReader({
          client: deps.s3,
          bucket: deps.bucket,
          belongsToCaller: (key) => key === imageKey,
        }),
        invokeModel,
        modelRetry: guestRetryPolicy(left, deps.sleep),
        catalog: deps.catalog,
        now: iso,
      });
      return { ok: true, analysis: toGuestResult(final) };
    } finally {
      await deletePhoto(deps, imageKey);
    }
  };
}

/** One long call rather than many short ones: a waking endpoint answers the call already waiting. */
function guestRetryPolicy(remainingMs: () => number, sleep?: (ms: number) => Promise<void>): ModelRetryPolicy {
  return {
    remainingMs,
    attemptTimeoutMs: GUEST_BUDGET_MS,
    minAttemptMs: 3_000,
    baseDelayMs: 1_000,
    maxDelayMs: 2_000,
    ...(sleep ? { sleep } : {}),
  };
}

/** What the browser gets: no photo key (the photo is gone), and "warming up" for a model still asleep. */
function toGuestResult(analysis: Analysis): Analysis {
  const warming = analysis.status === "FAILED" && analysis.failure && WARMING_CODES.has(analysis.failure.code);
  const result: Analysis = {
    ...analysis,
    imageKey: null,
    failure: warming ? makeFailure("MODEL_WARMING") : analysis.failure,
  };
  // The record never left this invocation, so "waking" has nobody to tell; the failure says it.
  delete result.modelWaking;
  return result;
}

async function deletePhoto(deps: GuestCheckDeps, key: string): Promise<void> {
  try {
    await deps.s3.send(new DeleteObjectCommand({ Bucket: deps.bucket, Key: key }));
  } catch (error) {
    // The bucket's one-day lifecycle rule under guest/ is the backstop.
    console.error("runGuestCheck: could not delete the guest photo", error);
  }
}

function safeJson(value: unknown): unknown {
  try {
    return parseJsonField(value);
  } catch {
    return null;
  }
}
