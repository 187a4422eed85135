import { describe, expect, it } from "vitest";
import { makeProduct, makeReport, makeSurvey } from "@/testing/recommend/fixtures";
import { loadCatalog } from "../catalog";
import { message } from "../message";
import { recommend } from "./index";
import { recommendationSchema } from "./recommendation";

describe("recommendation text is message keys with parameters", () => {
  it("names the score behind a pick as a key, its grade and the active's effect", () => {
    const calm = makeProduct({ id: "calm", step: "serum", keyActives: ["niacinamide"], concerns: ["redness"] });
    const rec = recommend(makeReport({ redness: 2 }), makeSurvey({ concerns: ["redness"], goals: [] }), [calm]);
    expect(rec.picks[0]?.reasons[0]).toEqual(
      message("recommend.reason.score", {
        score: message("recommend.scoreName.redness"),
        grade: 2,
        why: message("recommend.effect.niacinamide.redness"),
      }),
    );
  });

  it("falls back to what the product is made for when no active explains it", () => {
    const plain = makeProduct({ id: "plain", step: "moisturiser", keyActives: [], concerns: ["dryness"] });
    const rec = recommend(null, makeSurvey({ concerns: ["dryness"], goals: [] }), [plain]);
    expect(rec.picks[0]?.reasons[0]).toEqual(
      message("recommend.reason.said", {
        concern: message("recommend.concern.dryness"),
        why: message("recommend.effect.madeFor", {
          step: message("recommend.stepNoun.moisturiser"),
          concern: message("recommend.concern.dryness"),
        }),
      }),
    );
  });

  it("passes product names as they are sold, not as keys", () => {
    const scented = makeProduct({ id: "scented", brand: "Hada Labo", name: "Gokujyun Lotion", fragranceFree: false });
    const rec = recommend(null, makeSurvey({ sensitivity: "medium", fragrance: "ok" }), [scented]);
    expect(rec.warnings.find((w) => w.code === "FRAGRANCE")?.message).toEqual(
      message("recommend.warning.FRAGRANCE", {
        products: { items: ["Hada Labo Gokujyun Lotion"], join: "and" },
        count: 1,
      }),
    );
    expect(rec.notes.map((n) => n.key)).toContain("recommend.note.patchTest");
  });
});

describe("recommendations stored as English text", () => {
  const stored = {
    picks: [
      {
        productId: "p1",
        brand: "Brand",
        name: "Serum",
        step: "serum",
        priceRm: 30,
        keyActives: [],
        am: true,
        pm: true,
        links: { shopee: "https://shopee.com.my/", lazada: "https://www.lazada.com.my/" },
        budgetNote:
          "Priced below your budget band (RM50–150): nothing in that band at this step targets your concerns or goals.",
        reasons: [
          "Fits your goals: clear breakouts, hydration.",
          "Suits oily skin.",
          "Made for sensitive skin.",
          "Some new wording.",
        ],
      },
    ],
    routine: {
      am: [
        {
          step: "cleanser",
          productId: null,
          label: "Keep using your own cleanser: nothing in our catalogue fits your answers here",
        },
        { step: "sunscreen", productId: null, label: "Keep using yours: your own sunscreen" },
      ],
      pm: [{ step: "serum", productId: "p1", label: "Brand Serum" }],
    },
    warnings: [{ code: "X", message: "Prices are indicative, in RM, and vary between shops and sales." }],
    notes: [
      "This is not medical advice. Skinsight suggests cosmetic products; for painful, persistent or sudden skin changes, see a doctor or dermatologist.",
    ],
    limitedBy: [],
    surveyOnly: false,
  };

  it("reads known sentences back as their keys, and keeps the rest as written", () => {
    const rec = recommendationSchema.parse(stored);
    const pick = rec.picks[0];
    expect(pick?.reasons).toEqual([
      message("recommend.reason.goals", {
        goals: { items: [message("recommend.goal.clear-breakouts"), message("recommend.goal.hydration")], join: "and" },
        count: 2,
      }),
      message("recommend.reason.skinType", { skinType: message("recommend.skinType.oily") }),
      message("recommend.reason.sensitive"),
      message("common.storedText", { text: "Some new wording." }),
    ]);
    expect(pick?.budgetNote).toEqual(
      message("recommend.budget.noneRelevant", { band: message("recommend.budget.band.50-150") }),
    );
    expect(rec.routine.am[0]?.label).toEqual(
      message("recommend.routine.keepYourOwn", { step: message("recommend.stepNoun.cleanser") }),
    );
    expect(rec.routine.am[1]?.label).toEqual(
      message("recommend.routine.keepYours", { step: message("recommend.stepNoun.sunscreen") }),
    );
    expect(rec.routine.pm[0]?.label).toBe("Brand Serum");
    expect(rec.notes).toEqual([message("recommend.note.notMedicalAdvice")]);
  });

  it("parses what it wrote: a new recommendation survives a JSON round trip unchanged", () => {
    const rec = recommend(
      makeReport({ acne: 3, redness: 2 }),
      makeSurvey({ concerns: ["acne", "redness"] }),
      loadCatalog(),
    );
    expect(recommendationSchema.parse(JSON.parse(JSON.stringify(rec)))).toEqual(rec);
  });
});
