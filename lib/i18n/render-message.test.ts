import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/domain/catalog";
import type { MessageValue } from "@/lib/domain/message";
import { recommend } from "@/lib/domain/recommend";
import { randomSurvey } from "@/lib/domain/recommend/measures";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { renderEnglish, renderIn } from "@/testing/i18n/render-english";
import { makeReport } from "@/testing/recommend/fixtures";

describe("rendering domain messages", () => {
  it("reads in English as the recommender used to write it", () => {
    const rec = recommend(
      makeReport({ redness: 2 }),
      {
        skinType: "combination",
        concerns: ["redness"],
        goals: ["barrier-repair"],
        sensitivity: "medium",
        currentActives: ["retinoid"],
        fragrance: "avoid",
        pregnancy: "no",
        budget: "50-150",
      },
      loadCatalog(),
    );
    const reasons = rec.picks.flatMap((p) => p.reasons.map(renderEnglish));
    expect(reasons).toContain("Suits combination skin.");
    expect(reasons).toContain("Fragrance-free, as you asked.");
    expect(reasons.some((r) => /^Your redness score is 2\/3: \w/.test(r))).toBe(true);
    expect(rec.notes.map(renderEnglish)[0]).toMatch(/^Patch-test each new product/);
  });

  it("joins lists the locale's way and starts a sentence with a capital", () => {
    const value: MessageValue = {
      key: "recommend.warning.RETINOID_WITH_ACIDS",
      params: {
        sources: {
          items: [
            { key: "recommend.source.current", params: { active: { key: "recommend.activeName.retinoid" } } },
            "Brand Toner",
          ],
          join: "and",
        },
      },
    };
    expect(renderIn("en", value)).toMatch(/^Your current retinoid and Brand Toner: a retinoid/);
    expect(renderIn("ms", value)).toMatch(/^Retinoid yang anda guna sekarang dan Brand Toner: retinoid/);
  });

  it("has words in both languages for every message the recommender can produce", () => {
    const catalog = loadCatalog();
    const rand = makeSeededRandom(7);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const survey = randomSurvey(rand);
      const grades = {
        acne: i % 4,
        redness: (i >> 2) % 4,
        pigmentation: (i >> 4) % 4,
        pores: i % 3,
        shine: 2,
        underEye: i % 2 ? 2 : 0,
      };
      const rec = recommend(i % 5 === 0 ? null : makeReport(grades), survey, catalog);
      const texts: MessageValue[] = [
        ...rec.picks.flatMap((p) => [...p.reasons, ...(p.budgetNote ? [p.budgetNote] : [])]),
        ...rec.warnings.map((w) => w.message),
        ...rec.notes,
        ...[...rec.routine.am, ...rec.routine.pm].map((item) => item.label),
      ];
      for (const text of texts) {
        // renderIn throws on a key missing in that language.
        for (const locale of ["en", "ms"] as const) {
          const rendered = renderIn(locale, text);
          expect(rendered).not.toMatch(/recommend\.|\{|\}/);
          seen.add(rendered);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(50);
  });
});
