import { invokeWithRetry } from "./model-retry";
import { PipelineError, type PipelinePorts } from "./ports";
import {
  makeFailure,
  transition,
  type Analysis,
  type AnalysisStatus,
  type Failure,
  type FailureCode,
} from "../domain/analysis";
import { recommend } from "../domain/recommend";
import type { SkinReport } from "../domain/skin-report";

/** The analysis id does not exist; nothing was written. */
export class AnalysisNotFoundError extends Error {
  readonly code = "NOT_FOUND";
  constructor(readonly analysisId: string) {
    super(`Analysis ${analysisId} does not exist.`);
    this.name = "AnalysisNotFoundError";
  }
}

/**
 * Runs (or resumes) one analysis to a terminal status and returns the final record.
 *
 * What it does depends on the stored status, so it is safe to call repeatedly:
 * - UPLOADED: ANALYZING → RECOMMENDING → COMPLETE (or FAILED).
 * - FAILED and retryable: starts over, FAILED → UPLOADED → ANALYZING → …
 * - ANALYZING / RECOMMENDING (a run that crashed or timed out mid-way): resumes from the last
 *   saved checkpoint without writing a FAILED in between: ANALYZING re-invokes the model,
 *   RECOMMENDING re-runs the recommendation from the saved report.
 * - COMPLETE, FAILED and not retryable, CREATED (no photo yet): returned unchanged, no writes.
 *
 * Expected failures become FAILED with a mapped code; anything else becomes FAILED INTERNAL.
 * The only errors it throws are AnalysisNotFoundError (also when the record was deleted while it ran: the person
 * asked for it gone, so nothing is recorded or logged), errors from loadAnalysis (nothing written), and a failure to
 * save the FAILED record itself (there is nowhere left to record it).
 */
export async function runAnalysis(analysisId: string, ports: PipelinePorts): Promise<Analysis> {
  const loaded = await ports.loadAnalysis(analysisId);
  if (!loaded) throw new AnalysisNotFoundError(analysisId);
  if (!isRunnable(loaded)) return loaded;

  // `current` always mirrors the last record that was saved, so a failure is written on top of it.
  let current = loaded;
  const save = async (to: AnalysisStatus, patch: Parameters<typeof transition>[3] = {}) => {
    const next = transition(current, to, ports.now(), patch);
    await ports.saveAnalysis(next);
    current = next;
    return next;
  };

  try {
    if (current.status === "FAILED") {
      await save("UPLOADED", { report: null, recommendation: null });
    }
    if (current.status === "UPLOADED") {
      await save("ANALYZING");
    }
    if (current.status === "ANALYZING") {
      // While a cold model is retried the record stays ANALYZING, marked so the page can say so.
      const markWaking = async () => {
        const waking: Analysis = { ...current, modelWaking: true, updatedAt: ports.now() };
        await ports.saveAnalysis(waking);
        current = waking;
      };
      const report = await analyzeImage(current, ports, markWaking);
      if (!report.quality.ok) {
        return await save("FAILED", { report, failure: makeFailure("QUALITY", report.quality.issues) });
      }
      await save("RECOMMENDING", { report });
    }
    const report = current.report;
    if (current.status !== "RECOMMENDING" || !report) {
      throw new PipelineError("INTERNAL", `Cannot recommend from status ${current.status} without a report.`);
    }
    const recommendation = recommend(report, current.survey, ports.catalog);
    return await save("COMPLETE", { recommendation });
  } catch (error) {
    if (await isGone(analysisId, ports)) throw new AnalysisNotFoundError(analysisId);
    try {
      return await save("FAILED", { failure: toFailure(error) });
    } catch (saveError) {
      // A delete can still land between that check and this save.
      if (await isGone(analysisId, ports)) throw new AnalysisNotFoundError(analysisId);
      throw saveError;
    }
  }
}

/** Whether the record was deleted. A store that cannot answer now is no sign it is gone. */
function isGone(analysisId: string, ports: PipelinePorts): Promise<boolean> {
  return ports.loadAnalysis(analysisId).then(
    (record) => record === null,
    () => false,
  );
}

function isRunnable(analysis: Analysis): boolean {
  switch (analysis.status) {
    case "UPLOADED":
    case "ANALYZING":
    case "RECOMMENDING":
      return true;
    case "FAILED":
      return analysis.failure?.retryable ?? true;
    case "CREATED":
    case "COMPLETE":
      return false;
  }
}

async function analyzeImage(
  analysis: Analysis,
  ports: PipelinePorts,
  onWaking: () => Promise<void>,
): Promise<SkinReport> {
  if (!analysis.imageKey) throw new PipelineError("IMAGE_MISSING", "The analysis has no image key.");
  const image = await ports.readImage(analysis.imageKey);
  if (!ports.modelRetry) return ports.invokeModel(image);
  return invokeWithRetry(ports.invokeModel, image, ports.modelRetry, onWaking);
}

/** One place that turns any error into the failure the user sees. */
export function toFailure(error: unknown): Failure {
  const code: FailureCode = error instanceof PipelineError ? error.code : "INTERNAL";
  if (code === "INTERNAL") {
    // Logged here because the user only ever sees the generic message.
    console.error("runAnalysis: unexpected error", error);
  }
  const failure = makeFailure(code);
  return error instanceof PipelineError && error.userMessage ? { ...failure, message: error.userMessage } : failure;
}
