import type { S3Client } from "@aws-sdk/client-s3";
import type { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import type { AppSyncIdentity } from "aws-lambda";
import { createAnalysisStore, type AnalysisModel } from "./analysis-store";
import type { Product } from "../../../lib/domain/catalog/product";
import {
  AnalysisNotFoundError,
  createSageMakerInvoker,
  defaultModelRetry,
  runAnalysis,
  type ModelRetryPolicy,
} from "../../../lib/pipeline";
import { createS3ImageReader, ownedBySub } from "../shared/s3-image-reader";

export interface AnalyzeSkinDeps {
  s3: S3Client;
  sagemaker: SageMakerRuntimeClient;
  bucket: string;
  endpointName: string;
  /** Async because the data client's configuration is fetched at cold start. */
  analysisModel: () => Promise<AnalysisModel>;
  catalog: readonly Product[];
  now?: () => string;
  modelTimeoutMs?: number;
  /** Tests pass a fast policy; the default retries within the invocation's remaining time. */
  modelRetry?: (remainingMs: () => number) => ModelRetryPolicy;
}

/** Time kept back from the model for writing FAILED and logging before Lambda stops the invocation. */
export const SAVE_RESERVE_MS = 15_000;

export interface StartAnalysisEvent {
  arguments: { analysisId: string };
  identity?: AppSyncIdentity;
}

export type StartAnalysisOutcome = "ran" | "not-found" | "forbidden";

/** The caller's user-pool sub; the schema only lets signed-in users call startAnalysis. */
export function callerSub(identity: AppSyncIdentity | undefined): string | null {
  if (identity && "sub" in identity && typeof identity.sub === "string" && identity.sub.length > 0) return identity.sub;
  return null;
}

/**
 * startAnalysis runs asynchronously, so nothing is returned to the caller: progress reaches the
 * browser through the record's onUpdate subscription. Refusals are logged, not thrown, because a
 * thrown error makes Lambda retry an async event twice to no purpose.
 */
export function createAnalyzeSkinHandler(deps: AnalyzeSkinDeps) {
  const invokeModel = createSageMakerInvoker({
    client: deps.sagemaker,
    endpointName: deps.endpointName,
    timeoutMs: deps.modelTimeoutMs,
  });
  const now = deps.now ?? (() => new Date().toISOString());

  const retryPolicy = deps.modelRetry ?? defaultModelRetry;

  /** `remainingMs` is the Lambda context's getRemainingTimeInMillis. */
  return async (event: StartAnalysisEvent, remainingMs: () => number): Promise<StartAnalysisOutcome> => {
    const analysisId = event.arguments.analysisId;
    const sub = callerSub(event.identity);
    const store = createAnalysisStore(await deps.analysisModel());

    const analysis = await store.loadAnalysis(analysisId);
    if (!analysis) {
      console.warn(`startAnalysis: analysis ${analysisId} not found`);
      return "not-found";
    }
    // The function reads every record (IAM), so AppSync's owner rule does not protect this path.
    if (!sub || analysis.owner !== sub) {
      console.warn(`startAnalysis: caller is not the owner of ${analysisId}`);
      return "forbidden";
    }

    const result = await runAnalysis(analysisId, {
      ...store,
      readImage: createS3ImageReader({ client: deps.s3, bucket: deps.bucket, belongsToCaller: ownedBySub(sub) }),
      invokeModel,
      modelRetry: retryPolicy(() => remainingMs() - SAVE_RESERVE_MS),
      catalog: deps.catalog,
      now,
    }).catch((error: unknown) => {
      // Deleted while it ran: the person asked for it gone, so nothing is recorded and nothing went wrong.
      if (error instanceof AnalysisNotFoundError) return null;
      throw error;
    });
    if (!result) {
      console.info(`startAnalysis: ${analysisId} was deleted while it ran`);
      return "not-found";
    }
    console.info(
      `startAnalysis: ${analysisId} is ${result.status}${result.failure ? ` (${result.failure.code})` : ""}`,
    );
    return "ran";
  };
}
