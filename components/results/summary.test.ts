import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/domain/catalog";
import { recommend } from "@/lib/domain/recommend";
import type { Survey } from "@/lib/domain/survey";
import { renderEnglish, renderIn } from "@/testing/i18n/render-english";
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
    const text = summariseResults(survey, rec).map(renderEnglish).join(" ");
    expect(text).toMatch(/^For combination skin with breakouts and visible pores, RM50–150: Three picks \(/);
    expect(renderIn("ms", summariseResults(survey, rec)[0] ?? "")).toMatch(
      /^Untuk kulit kombinasi dengan jerawat dan liang roma ketara, RM50–150: Tiga pilihan \(/,
    );
  });

  it("says when a pick sits below the band", () => {
    const rec = recommend(null, survey, loadCatalog());
    const noted = {
      ...rec,
      picks: rec.picks.map((p, i) => (i === 0 ? { ...p, budgetNote: { key: "common.storedText" } } : p)),
    };
    expect(summariseResults(survey, noted).map(renderEnglish).join(" ")).toMatch(/One is priced below your band/);
  });

  it("lists every answer the picks used", () => {
    const rows = answerRows(survey).map((r) => ({ label: renderEnglish(r.label), value: renderEnglish(r.value) }));
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.label === "Already using")?.value).toBe("Retinoid");
    expect(rows.find((r) => r.label === "Keeping your own")?.value).toBe("None");
  });

  it("names the steps the person keeps their own product for", () => {
    const rows = answerRows({ ...survey, keepUsing: ["cleanser", "sunscreen"] });
    const english = rows.map((r) => ({ label: renderEnglish(r.label), value: renderEnglish(r.value) }));
    expect(english.find((r) => r.label === "Keeping your own")?.value).toBe("Cleanser and Sunscreen");
    const malay = rows.map((r) => ({ label: renderIn("ms", r.label), value: renderIn("ms", r.value) }));
    expect(malay.find((r) => r.label === "Kekalkan produk sendiri")?.value).toBe("Pencuci muka dan Pelindung matahari");
  });
});
