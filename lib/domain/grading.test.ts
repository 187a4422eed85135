import { describe, expect, it } from "vitest";
import { renderEnglish } from "@/testing/i18n/render-english";
import { explainCountGrade, GRADE_BANDS, gradeFrom } from "./grading";
import type { Score } from "./skin-report";

/** The explanation as an English reader sees it; the domain itself returns a message key. */
const explainInEnglish = (key: "acne" | "pigmentation", score: Pick<Score, "grade" | "evidence">) => {
  const explained = explainCountGrade(key, score);
  return explained === null ? null : renderEnglish(explained);
};

describe("count grades explained by their marks", () => {
  it.each([
    [
      { grade: 0, evidence: { marked: 2, counted: 1 } },
      "2 breakouts marked, 1 on the busier side of the face: fewer than 3 on one side reads as none or minimal.",
    ],
    [
      { grade: 1, evidence: { marked: 4, counted: 3 } },
      "4 breakouts marked, 3 on the busier side of the face: 3–5 on one side reads as mild.",
    ],
    [
      { grade: 0, evidence: { marked: 0, counted: 0 } },
      "No breakouts marked: fewer than 3 on one side reads as none or minimal.",
    ],
    [
      { grade: 3, evidence: { marked: 45, counted: 24 } },
      "45 breakouts marked, 24 on the busier side of the face: 21 or more on one side reads as pronounced.",
    ],
  ] as const)("acne %j", (score, sentence) => {
    expect(explainInEnglish("acne", score)).toBe(sentence);
  });

  it("explains dark spots by their total", () => {
    expect(explainInEnglish("pigmentation", { grade: 1, evidence: { marked: 5, counted: 5 } })).toBe(
      "5 dark spots marked: 3–7 reads as mild.",
    );
  });

  it("the sentence's band always contains the counted number (so marks never contradict the grade)", () => {
    for (let counted = 0; counted <= 30; counted++) {
      const grade = gradeFrom(counted, GRADE_BANDS.acne);
      const text = explainInEnglish("acne", { grade, evidence: { marked: counted, counted } }) ?? "";
      const range = /(\d+)–(\d+) on one side|fewer than (\d+)|(\d+) or more/.exec(text);
      expect(range, text).not.toBeNull();
      const [, lo, hi, below, above] = range ?? [];
      if (lo && hi) expect(counted >= Number(lo) && counted <= Number(hi), text).toBe(true);
      if (below) expect(counted, text).toBeLessThan(Number(below));
      if (above) expect(counted, text).toBeGreaterThanOrEqual(Number(above));
    }
  });

  it("returns the key and its numbers, not a sentence", () => {
    expect(explainCountGrade("acne", { grade: 1, evidence: { marked: 4, counted: 3 } })).toEqual({
      key: "results.countGrade.acne",
      params: {
        marked: 4,
        counted: 3,
        rule: { key: "results.countGrade.range", params: { lo: 3, hi: 5 } },
        grade: { key: "results.gradeWord.1" },
      },
    });
  });

  it("says nothing for a report without evidence (v1) or a score not measured", () => {
    expect(explainCountGrade("acne", { grade: 1 })).toBeNull();
    expect(explainCountGrade("acne", { grade: null, evidence: { marked: 1, counted: 1 } })).toBeNull();
  });
});
