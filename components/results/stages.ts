import type { AnalysisStatus } from "@/lib/domain/analysis";

export const STAGES = [
  { key: "uploading", label: "Uploading photo", active: "Uploading your photo…" },
  { key: "checking", label: "Checking photo", active: "Checking your photo…" },
  { key: "analysing", label: "Analysing skin", active: "Analysing your skin…" },
  { key: "choosing", label: "Choosing products", active: "Choosing your products…" },
  { key: "done", label: "Done", active: "Done! Your results are ready." },
] as const;
export type StageKey = (typeof STAGES)[number]["key"];

const STAGE_OF: Record<Exclude<AnalysisStatus, "FAILED">, number> = {
  CREATED: 0,
  UPLOADED: 1,
  ANALYZING: 2,
  RECOMMENDING: 3,
  COMPLETE: 4,
};

/** Index of the stage a status belongs to; FAILED keeps the stage it failed in (passed as `last`). */
export function stageIndex(status: AnalysisStatus, last = 0): number {
  return status === "FAILED" ? last : STAGE_OF[status];
}
