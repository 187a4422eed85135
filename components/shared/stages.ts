import type { Analysis, AnalysisStatus } from "@/lib/domain/analysis";

export const STAGES = [
  { key: "uploading", label: "Uploading photo", active: "Uploading your photo…" },
  { key: "checking", label: "Checking photo", active: "Checking your photo…" },
  { key: "analysing", label: "Analysing skin", active: "Analysing your skin…" },
  { key: "choosing", label: "Choosing products", active: "Choosing your products…" },
  { key: "done", label: "Done", active: "Done! Your results are ready." },
] as const;
export type StageKey = (typeof STAGES)[number]["key"];

/**
 * Shown in place of "Analysing skin" while the pipeline waits for a cold model endpoint: a
 * serverless endpoint that has been idle can take a minute or two to answer, and that is a wait,
 * not a failure.
 */
export const WAKING_STAGE = {
  key: "waking",
  label: "Waking up the analyser",
  active: "Waking up the analyser… The first check after a quiet spell can take a minute or two.",
} as const;

type StageView = (typeof STAGES)[number] | typeof WAKING_STAGE;

/** True while the record says the model is being woken (only meaningful while ANALYZING). */
export function isWaking(analysis: Pick<Analysis, "status" | "modelWaking">): boolean {
  return analysis.status === "ANALYZING" && analysis.modelWaking === true;
}

/** The stages as the stepper draws them: the analysing step becomes the waking step while waking. */
export function visibleStages(waking: boolean): readonly StageView[] {
  return waking ? STAGES.map((stage) => (stage.key === "analysing" ? WAKING_STAGE : stage)) : STAGES;
}

const STAGE_OF: Record<Exclude<AnalysisStatus, "FAILED">, number> = {
  CREATED: 0,
  UPLOADED: 1,
  ANALYZING: 2,
  RECOMMENDING: 3,
  COMPLETE: 4,
};

/** Index of the stage a status belongs to; a FAILED run's is failedStage's, from what failed (0 until known). */
export function stageIndex(status: AnalysisStatus): number {
  return status === "FAILED" ? 0 : STAGE_OF[status];
}

/**
 * The stage a failed run stopped in, from what failed, so a page opened on it (or one that missed a status on the
 * way) names the right one: a photo the analyzer refuses fails the photo check (the quality gate runs inside the
 * analyzer, but to a person a bad photo fails the check), a missing photo the upload, a failure once the report was
 * saved the product choice, and anything else (the model down, a timeout) the analysis.
 */
export function failedStage(analysis: Pick<Analysis, "failure" | "report">): number {
  switch (analysis.failure?.code) {
    case "QUALITY":
    case "BAD_IMAGE":
      return STAGE_OF.UPLOADED;
    case "IMAGE_MISSING":
      return STAGE_OF.CREATED;
    default:
      return analysis.report ? STAGE_OF.RECOMMENDING : STAGE_OF.ANALYZING;
  }
}

/** What the page has witnessed of a run: the stage it is in and how long each stage took live. */
export interface StageTrack {
  current: number;
  failed: boolean;
  enteredAt: Partial<Record<number, number>>;
  /** Seconds per stage, only for stages whose start and end were both seen. */
  durations: Partial<Record<number, number>>;
  /** True once a transition was seen live (not just a finished record loaded). */
  live: boolean;
}

export function trackStatus(prev: StageTrack | null, status: AnalysisStatus, nowMs: number): StageTrack {
  if (prev === null) {
    const current = stageIndex(status);
    return { current, failed: status === "FAILED", enteredAt: { [current]: nowMs }, durations: {}, live: false };
  }
  if (status === "FAILED") return prev.failed ? prev : { ...prev, failed: true, live: true };
  const next = stageIndex(status);
  if (next === prev.current && !prev.failed) return prev;
  if (next <= prev.current) {
    // A retry starts the run again from the uploaded photo.
    return { current: next, failed: false, enteredAt: { [next]: nowMs }, durations: {}, live: true };
  }
  const durations = { ...prev.durations };
  const entered = prev.enteredAt[prev.current];
  if (entered !== undefined) durations[prev.current] = (nowMs - entered) / 1000;
  return { current: next, failed: false, enteredAt: { ...prev.enteredAt, [next]: nowMs }, durations, live: true };
}

/** A stage time worth showing: under a tenth of a second it would read "0.0 s" and mean nothing. */
export function stageTimeSeconds(seconds: number | undefined): number | null {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0.1) return null;
  return seconds;
}

/** The English rendering of a stage time ("2.4 s"); the stepper renders it per locale. */
export function stageTimeLabel(seconds: number | undefined): string | null {
  const shown = stageTimeSeconds(seconds);
  return shown === null ? null : `${shown.toFixed(1)} s`;
}
