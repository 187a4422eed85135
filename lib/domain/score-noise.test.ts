import { describe, expect, it } from "vitest";
import { compareScores, minimalDetectableChange, SCORE_SEM } from "./score-noise";

describe("change vs noise", () => {
  it("MDC95 is 1.96·√2·SEM (Weir 2005)", () => {
    expect(minimalDetectableChange("acne")).toBeCloseTo(2.772 * SCORE_SEM.acne, 3);
  });

  it("calls a grade flip within the noise 'no real change' (the same face checked minutes apart)", () => {
    const mdc = minimalDetectableChange("acne");
    expect(compareScores("acne", { grade: 1, raw: 3 }, { grade: 0, raw: 3 - mdc * 0.9 })).toBe("no-real-change");
  });

  it("counts a change beyond the noise, in the right direction", () => {
    const mdc = minimalDetectableChange("redness");
    expect(compareScores("redness", { grade: 2, raw: 13 }, { grade: 1, raw: 13 - mdc - 2 })).toBe("better");
    expect(compareScores("redness", { grade: 1, raw: 7 }, { grade: 2, raw: 7 + mdc + 6 })).toBe("worse");
  });

  it("needs the grade to move too, and ignores scores not measured", () => {
    expect(compareScores("shine", { grade: 1, raw: 2 }, { grade: 1, raw: 3.9 })).toBe("no-real-change");
    expect(compareScores("pores", { grade: null, raw: 0 }, { grade: 2, raw: 3 })).toBe("no-real-change");
  });
});
