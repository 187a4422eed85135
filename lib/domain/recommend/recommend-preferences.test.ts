import { describe, expect, it } from "vitest";
import { makeProduct, makeSurvey } from "@/testing/recommend/fixtures";
import { assertScenario, catalog, has, mini, type Scenario } from "@/testing/recommend/scenario-harness";
import { inPriceBand } from "../catalog";
import { recommend } from "./index";

// Issue 12: the budget as people read it, nothing recommended and then warned against, a complete routine.
const scenarios: Scenario[] = [
  {
    name: "RM50–150 with fits in the band: every pick is priced in it",
    survey: {
      skinType: "oily",
      concerns: ["acne", "pores"],
      goals: ["clear-breakouts"],
      budget: "50-150",
    },
    expect: {
      count: 3,
      everyPick: ["is priced RM50–150", (p) => p.priceRm >= 50 && p.priceRm <= 150],
    },
  },
  {
    name: "over RM150, anti-ageing: premium picks, and any cheaper one says why",
    survey: {
      concerns: ["fine-lines", "dullness"],
      goals: ["anti-ageing"],
      budget: "over-150",
    },
    expect: { count: 3, inBandOrNoted: true, allCatalogueSteps: true },
  },
  {
    name: "a band with nothing at a step: the cheaper pick names the gap",
    survey: { concerns: ["acne"], budget: "over-150" },
    catalog: [
      makeProduct({
        id: "lux-serum",
        brand: "A",
        priceRm: 200,
        concerns: ["acne"],
      }),
      makeProduct({
        id: "lux-cream",
        brand: "B",
        step: "moisturiser",
        priceRm: 180,
        concerns: ["acne"],
      }),
      makeProduct({
        id: "cheap-wash",
        brand: "C",
        step: "cleanser",
        priceRm: 20,
        concerns: ["acne"],
      }),
    ],
    expect: {
      pickIds: ["cheap-wash", "lux-serum", "lux-cream"],
      budgetNote: [
        "cleanser",
        /^Priced below your budget band \(over RM150\): our catalogue has no cleanser in that band\.$/,
      ],
    },
  },
  {
    name: "a band whose products at a step are all scented: the note says fragrance-free was missing",
    survey: { concerns: ["acne"], budget: "over-150", fragrance: "avoid" },
    catalog: [
      makeProduct({
        id: "lux-serum",
        brand: "A",
        priceRm: 200,
        concerns: ["acne"],
      }),
      makeProduct({
        id: "lux-scented-wash",
        brand: "B",
        step: "cleanser",
        priceRm: 170,
        fragranceFree: false,
      }),
      makeProduct({
        id: "cheap-wash",
        brand: "C",
        step: "cleanser",
        priceRm: 20,
        concerns: ["acne"],
      }),
    ],
    expect: {
      hasStep: ["cleanser"],
      budgetNote: ["cleanser", /\(over RM150\): nothing in that band at this step is fragrance-free\.$/],
    },
  },
  {
    name: "sometimes stings but fragrance is fine: no scented pick and no fragrance warning",
    survey: {
      concerns: ["redness", "dryness"],
      goals: ["barrier-repair"],
      sensitivity: "medium",
      fragrance: "ok",
    },
    expect: {
      count: 3,
      everyPick: ["is fragrance-free", (p) => p.fragranceFree],
      noWarnings: ["FRAGRANCE"],
      noWarningNamesPick: true,
    },
  },
  {
    name: "a scented product outranks a fragrance-free one: the fragrance-free one is picked at medium sensitivity",
    survey: { concerns: ["acne"], sensitivity: "medium" },
    catalog: [
      makeProduct({
        id: "scented-star",
        brand: "A",
        fragranceFree: false,
        concerns: ["acne", "pores", "redness"],
      }),
      makeProduct({ id: "plain-serum", brand: "B", concerns: ["acne"] }),
    ],
    expect: { pickIds: ["plain-serum"], noWarnings: ["FRAGRANCE"] },
  },
  {
    name: "a strong product is passed over at medium sensitivity when a gentler one exists",
    survey: {
      concerns: ["fine-lines"],
      goals: ["anti-ageing"],
      sensitivity: "medium",
    },
    catalog: [
      makeProduct({
        id: "strong-retinol",
        brand: "A",
        keyActives: ["retinoid"],
        strength: "strong",
        concerns: ["fine-lines"],
      }),
      makeProduct({
        id: "peptide-serum",
        brand: "B",
        keyActives: ["peptides"],
        concerns: ["fine-lines"],
      }),
    ],
    expect: {
      pickIds: ["peptide-serum"],
      noWarnings: ["SENSITIVITY_STRONG_PICK"],
    },
  },
  {
    name: "a current retinoid: no pick draws a conflict warning",
    survey: {
      concerns: ["pigmentation", "acne"],
      goals: ["even-tone"],
      currentActives: ["retinoid"],
    },
    expect: {
      noWarnings: ["RETINOID_WITH_ACIDS", "BENZOYL_PEROXIDE_WITH_RETINOID"],
      noPick: ["a leave-on acid", (p) => p.step !== "cleanser" && (has("aha")(p) || has("bha")(p))],
      noWarningNamesPick: true,
    },
  },
  {
    name: "every routine step is a catalogue product, for the fussiest answers",
    survey: {
      concerns: ["redness"],
      sensitivity: "high",
      fragrance: "avoid",
      pregnancy: "yes",
      budget: "under-50",
    },
    expect: { allCatalogueSteps: true, noWarningNamesPick: true },
  },
  {
    name: "a PM-only night cream pick: the morning still gets a moisturiser",
    survey: { concerns: ["dryness"], goals: ["hydration"] },
    catalog: [
      ...mini,
      makeProduct({
        id: "night-cream",
        brand: "N",
        step: "moisturiser",
        concerns: ["dryness", "fine-lines"],
        use: { am: false, pm: true },
      }),
    ],
    expect: { allCatalogueSteps: true },
  },
];

describe("recommend: budget bands, warnings and a complete routine (issue 12)", () => {
  it.each(scenarios)("$name", assertScenario);

  it("a PM-only moisturiser pick is joined by a morning moisturiser from the catalogue", () => {
    const products = [
      makeProduct({
        id: "night-cream",
        brand: "N",
        step: "moisturiser",
        concerns: ["dryness"],
        use: { am: false, pm: true },
      }),
      makeProduct({
        id: "day-cream",
        brand: "D",
        step: "moisturiser",
        concerns: ["oiliness"],
      }),
      ...mini.filter((p) => p.step !== "moisturiser"),
    ];
    const rec = recommend(null, makeSurvey({ concerns: ["dryness"], goals: ["hydration"] }), products);
    expect(rec.picks.map((p) => p.productId)).toContain("night-cream");
    expect(rec.routine.am.filter((i) => i.step === "moisturiser").map((i) => i.productId)).toEqual(["day-cream"]);
    expect(rec.routine.pm.filter((i) => i.step === "moisturiser").map((i) => i.productId)).toEqual(["night-cream"]);
  });

  it("the issue's RM50–150 user no longer gets a cleanser priced under the band", () => {
    const survey = makeSurvey({
      skinType: "combination",
      concerns: ["acne", "oiliness"],
      budget: "50-150",
    });
    const rec = recommend(null, survey, catalog);
    expect(rec.picks.filter((p) => !inPriceBand(p, survey.budget))).toEqual([]);
    expect(rec.picks.every((p) => p.size !== undefined)).toBe(true);
  });
});
