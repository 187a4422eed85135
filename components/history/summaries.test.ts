import { describe, expect, it } from "vitest";
import { renderEnglish } from "@/testing/i18n/render-english";
import { scoreTrends, topConcern as topConcernMessage, trendVerdict } from "./summaries";
import { analysis, scores } from "./testing/analyses";

const topConcern = (analysis: Parameters<typeof topConcernMessage>[0]) => renderEnglish(topConcernMessage(analysis));

describe("topConcern", () => {
  it("names the highest grade, first in score order on a tie", () => {
    expect(
      topConcern(analysis("a", "COMPLETE", "2025-01-01T00:00:00Z", scores({ redness: 2, pores: 2, acne: 1 }))),
    ).toBe("Redness: moderate");
  });
  it("says so when nothing is pronounced", () => {
    expect(topConcern(analysis("a", "COMPLETE", "2025-01-01T00:00:00Z", scores({})))).toBe("Nothing pronounced");
  });
  it("falls back to the first stated concern before results exist", () => {
    expect(topConcern(analysis("a", "FAILED", "2025-01-01T00:00:00Z", null))).toBe("Visible pores (your answer)");
  });
});

describe("scoreTrends", () => {
  it("orders completed checks by time and skips unfinished ones", () => {
    const trends = scoreTrends([
      analysis("b", "COMPLETE", "2025-03-01T00:00:00Z", scores({ acne: 1 })),
      analysis("x", "FAILED", "2025-02-01T00:00:00Z", null),
      analysis("a", "COMPLETE", "2025-01-01T00:00:00Z", scores({ acne: 3 })),
    ]);
    expect(trends.acne.map((p) => p.grade)).toEqual([3, 1]);
    expect(trends.redness).toHaveLength(2);
  });
});

describe("trendVerdict", () => {
  const at = (d: number) => Date.UTC(2026, 10, d);
  it("calls a one-grade flip within the noise 'no real change'", () => {
    expect(
      trendVerdict("acne", [
        { at: at(1), grade: 1, raw: 3 },
        { at: at(1), grade: 0, raw: 2 },
      ]),
    ).toBe("no-real-change");
  });
  it("reports a change beyond the noise", () => {
    expect(
      trendVerdict("acne", [
        { at: at(1), grade: 2, raw: 8 },
        { at: at(20), grade: 0, raw: 1 },
      ]),
    ).toBe("better");
    expect(
      trendVerdict("acne", [
        { at: at(1), grade: 0, raw: 1 },
        { at: at(20), grade: 2, raw: 8 },
      ]),
    ).toBe("worse");
  });
  it("needs two checks", () => {
    expect(trendVerdict("acne", [{ at: at(1), grade: 2, raw: 8 }])).toBe("no-real-change");
  });
});

describe("scoreTrends with scores not measurable in a photo", () => {
  it("leaves a gap instead of a zero", () => {
    const s = scores({ pores: 2 });
    const missing = { ...s, pores: { ...s.pores, grade: null } };
    const trends = scoreTrends([
      analysis("a", "COMPLETE", "2025-01-01T00:00:00Z", s),
      analysis("b", "COMPLETE", "2025-02-01T00:00:00Z", missing),
    ]);
    expect(trends.pores).toHaveLength(1);
    expect(trends.acne).toHaveLength(2);
  });
});
