import type { Analysis } from "@/lib/domain/analysis";
import { STATUS_LABELS, topConcern } from "./summaries";

/** A bad photo failed the check, not the skin: say so rather than "Needs attention". */
export function isPhotoFailure(analysis: Pick<Analysis, "status" | "failure">): boolean {
  return analysis.status === "FAILED" && (analysis.failure?.code === "QUALITY" || analysis.failure?.code === "BAD_IMAGE");
}

/** What a history row leads with, so checks can be told apart at a glance. */
export function historyTitle(analysis: Pick<Analysis, "status" | "failure" | "report" | "survey">): string {
  if (isPhotoFailure(analysis)) return "Photo not usable";
  if (analysis.status === "FAILED") return "Analysis didn't finish";
  if (analysis.status !== "COMPLETE") return STATUS_LABELS[analysis.status];
  return topConcern(analysis);
}

export function historyStatus(analysis: Pick<Analysis, "status" | "failure">): string {
  return isPhotoFailure(analysis) ? "Photo not usable" : STATUS_LABELS[analysis.status];
}
