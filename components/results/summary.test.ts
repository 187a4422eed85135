import { describe, expect, it } from "vitest";
import { recommend } from "@/lib/domain/recommend";
import { loadCatalog } from "@/lib/domain/catalog";
import type { Survey } from "@/lib/domain/survey";
import { answerRows, summariseResults } from "./summary";

const survey: Survey = {
  skinType: "combination",
  concerns: ["acne", "pores"],
  goals: ["clear-breakouts"],
  sensitivity: "low",
  currentActives: ["retinoid"],
  fragrance: "ok",
  pregnancy: "no",
  budget: "50-150",
};

describe("results summary", () => {
  it("names the skin, the concerns, the band and the three picks' steps", () => {
    const rec = recommend(null, survey, loadCatalog());
    const text = summariseResults(survey, rec);
    expect(text).toMatch(/^For combination skin and acne and breakouts and visible pores, RM50–150: Three picks \(/);
    for (const pick of rec.picks) expect(text).toContain(pick.step.replace("-", " "));
  });

  it("says when a pick sits below the band", () => {
    const rec = recommend(null, survey, loadCatalog());
    const noted = { ...rec, picks: rec.picks.map((p, i) => (i === 0 ? { ...p, budgetNote: "why" } : p)) };
    expect(summariseResults(survey, noted)).toMatch(/One is priced below your band/);
  });

  it("lists every answer the picks used", () => {
    const rows = answerRows(survey);
    expect(rows.map((r) => r.label)).toHaveLength(9);
    expect(rows.find((r) => r.label === "Already using")?.value).toBe("Retinoid");
    expect(rows.find((r) => r.label === "Keeping your own")?.value).toBe("None");
  });

  it("names the steps the person keeps their own product for", () => {
    const rows = answerRows({ ...survey, keepUsing: ["cleanser", "sunscreen"] });
    expect(rows.find((r) => r.label === "Keeping your own")?.value).toBe("Cleanser and Sunscreen");
  });
});
