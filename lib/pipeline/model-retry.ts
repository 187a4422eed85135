import { PipelineError, type ModelImage, type ModelRetryPolicy, type PipelinePorts } from "./ports";
import type { FailureCode } from "../domain/analysis";
import type { SkinReport } from "../domain/skin-report";

/*
 * A SageMaker serverless endpoint that has been idle scales to zero and can take minutes to serve
 * its first request, so without retries the first analysis of the day would end FAILED.
 */

/** SageMaker cuts /invocations at 60 s; a little more lets its own error arrive before ours. */
export const MODEL_ATTEMPT_TIMEOUT_MS = 70_000;
/** A cold start shows as a timeout or "not ready/unavailable"; throttling means busy, not asleep. */
const RETRYABLE: ReadonlySet<FailureCode> = new Set(["MODEL_UNAVAILABLE", "TIMEOUT", "MODEL_THROTTLED"]);
const COLD: ReadonlySet<FailureCode> = new Set(["MODEL_UNAVAILABLE", "TIMEOUT"]);

export function defaultModelRetry(remainingMs: () => number): ModelRetryPolicy {
  return {
    remainingMs,
    attemptTimeoutMs: MODEL_ATTEMPT_TIMEOUT_MS,
    minAttemptMs: 10_000,
    baseDelayMs: 2_000,
    maxDelayMs: 15_000,
  };
}

export const backoffDelayMs = (policy: Pick<ModelRetryPolicy, "baseDelayMs" | "maxDelayMs">, attempt: number) =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));

/**
 * Calls the model until it answers, the error is not worth retrying, or the budget runs out (the
 * last error is then rethrown, so the analysis records TIMEOUT / MODEL_UNAVAILABLE, both retryable).
 * `onWaking` runs once, at the first sign of a cold endpoint, so the page can say so.
 */
export async function invokeWithRetry(
  invokeModel: PipelinePorts["invokeModel"],
  image: ModelImage,
  policy: ModelRetryPolicy,
  onWaking: () => Promise<void>,
): Promise<SkinReport> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waking = false;
  for (let attempt = 1; ; attempt += 1) {
    const timeoutMs = Math.min(policy.attemptTimeoutMs, policy.remainingMs());
    if (timeoutMs < policy.minAttemptMs && attempt > 1) {
      throw new PipelineError("TIMEOUT", "The model did not wake up within the time this run has.");
    }
    try {
      return await invokeModel(image, { timeoutMs: Math.max(timeoutMs, 1) });
    } catch (error) {
      if (!(error instanceof PipelineError) || !RETRYABLE.has(error.code)) throw error;
      const delay = backoffDelayMs(policy, attempt);
      if (policy.remainingMs() - delay < policy.minAttemptMs) throw error;
      if (!waking && COLD.has(error.code)) {
        waking = true;
        await onWaking();
      }
      await sleep(delay);
    }
  }
}
