import { describe, expect, it } from "vitest";
import type { Analysis } from "@/lib/domain/analysis";
import { makeReport, SURVEY } from "@/lib/domain/testing/records";
import { renderEnglish } from "@/lib/i18n/testing/render-english";
import { historyStatus as statusMessage, historyTitle as titleMessage } from "./history-labels";

const historyTitle = (analysis: Row) => renderEnglish(titleMessage(analysis));
const historyStatus = (analysis: Row) => renderEnglish(statusMessage(analysis));

type Row = Pick<Analysis, "status" | "failure" | "report" | "survey">;
const row = (over: Partial<Row>): Row => ({ status: "COMPLETE", failure: null, report: null, survey: SURVEY, ...over });

describe("history labels", () => {
  it("a quality failure reads as a photo problem, not a skin problem", () => {
    const failed = row({ status: "FAILED", failure: { code: "QUALITY", message: "No face", retryable: false } });
    expect(historyTitle(failed)).toBe("Photo not usable");
    expect(historyStatus(failed)).toBe("Photo not usable");
    expect(historyTitle(failed)).not.toMatch(/your answer/);
  });

  it("another failure says the analysis did not finish", () => {
    const failed = row({ status: "FAILED", failure: { code: "TIMEOUT", message: "x", retryable: true } });
    expect(historyTitle(failed)).toBe("Analysis didn't finish");
  });

  it("a complete check leads with its main finding", () => {
    const title = historyTitle(row({ report: makeReport() }));
    expect(title).not.toMatch(/^Skin check/);
    expect(title.length).toBeGreaterThan(3);
  });
});
