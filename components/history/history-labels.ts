import type { Analysis } from "@/lib/domain/analysis";
import { message, type Message } from "@/lib/domain/message";
import { statusLabel, topConcern } from "./summaries";

/** A bad photo failed the check, not the skin: say so rather than "Needs attention". */
export function isPhotoFailure(analysis: Pick<Analysis, "status" | "failure">): boolean {
  return (
    analysis.status === "FAILED" && (analysis.failure?.code === "QUALITY" || analysis.failure?.code === "BAD_IMAGE")
  );
}

/** What a history row leads with, so checks can be told apart at a glance. */
export function historyTitle(analysis: Pick<Analysis, "status" | "failure" | "report" | "survey">): Message {
  if (isPhotoFailure(analysis)) return message("history.photoNotUsable");
  if (analysis.status === "FAILED") return message("history.didntFinish");
  if (analysis.status !== "COMPLETE") return statusLabel(analysis.status);
  return topConcern(analysis);
}

export function historyStatus(analysis: Pick<Analysis, "status" | "failure">): Message {
  return isPhotoFailure(analysis) ? message("history.photoNotUsable") : statusLabel(analysis.status);
}
