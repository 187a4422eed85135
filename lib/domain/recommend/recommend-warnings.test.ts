import { describe, expect, it } from "vitest";
import { makeProduct } from "@/testing/recommend/fixtures";
import { assertScenario, has, mini, type Scenario } from "@/testing/recommend/scenario-harness";

const scenarios: Scenario[] = [
  {
    name: "current retinoid and AHA: same-night warning",
    survey: { concerns: ["dullness"], goals: ["even-tone"], currentActives: ["retinoid", "aha"] },
    expect: { warnings: ["RETINOID_WITH_ACIDS"] },
  },
  {
    name: "current benzoyl peroxide and retinoid: warning",
    survey: { concerns: ["acne"], currentActives: ["benzoyl-peroxide", "retinoid"] },
    expect: {
      warnings: ["BENZOYL_PEROXIDE_WITH_RETINOID"],
      noPick: ["another benzoyl peroxide or retinoid", (p) => has("benzoyl-peroxide")(p) || has("retinoid")(p)],
    },
  },
  {
    name: "current vitamin C and BHA: warning",
    survey: { concerns: ["dullness"], goals: ["even-tone"], currentActives: ["vitamin-c", "bha"] },
    expect: { warnings: ["VITAMIN_C_WITH_ACIDS"] },
  },
  {
    name: "retinoid user and a catalog without sunscreen: no-sunscreen warning",
    survey: { concerns: ["acne"], currentActives: ["retinoid"] },
    catalog: mini.filter((p) => p.step !== "sunscreen"),
    expect: {
      warnings: ["NO_SUNSCREEN"],
      lacksStep: ["sunscreen"],
      amLabels: [/^Keep using your own sunscreen: nothing in our catalogue fits/],
    },
  },
  {
    name: "high sensitivity and a current retinoid: go-slow warning",
    survey: { concerns: ["redness"], goals: ["barrier-repair"], sensitivity: "high", currentActives: ["retinoid"] },
    expect: { warnings: ["SENSITIVITY_CURRENT_ACTIVES"] },
  },
  {
    name: "medium sensitivity and a strong pick: start slowly",
    survey: { concerns: ["fine-lines"], goals: ["anti-ageing"], sensitivity: "medium" },
    catalog: [
      makeProduct({
        id: "strong-retinol",
        step: "serum",
        keyActives: ["retinoid"],
        strength: "strong",
        sensitiveOk: false,
        pregnancySafe: false,
        concerns: ["fine-lines"],
        use: { am: false, pm: true },
      }),
    ],
    expect: { count: 1, warnings: ["SENSITIVITY_STRONG_PICK"] },
  },
  {
    name: "medium sensitivity and a scented pick: fragrance warning",
    survey: { concerns: ["acne"], sensitivity: "medium" },
    catalog: [makeProduct({ id: "scented-serum", fragranceFree: false })],
    expect: { count: 1, warnings: ["FRAGRANCE"] },
  },
  {
    name: "pregnant and using a retinoid: pause it",
    survey: { concerns: ["acne"], pregnancy: "yes", currentActives: ["retinoid"] },
    expect: { warnings: ["PREGNANCY_RETINOID"], noPick: ["a retinoid", has("retinoid")] },
  },
  {
    name: "budget too low for the mini catalog: limited by budget",
    survey: { concerns: ["acne"], budget: "under-50" },
    catalog: mini.map((p) => (p.id === "mini-serum" ? p : { ...p, priceRm: 80 })),
    expect: { pickIds: ["mini-serum"], limitedBy: ["budget"] },
  },
  {
    name: "scented products only: limited by fragrance",
    survey: { concerns: ["acne"], fragrance: "avoid" },
    catalog: mini.map((p) => (p.step === "cleanser" ? p : { ...p, fragranceFree: false })),
    expect: { pickIds: ["mini-cleanser"], limitedBy: ["fragrance"] },
  },
  {
    name: "products for other skin types only: limited by skin type",
    survey: { skinType: "dry", concerns: ["acne"] },
    catalog: mini.map((p) => (p.step === "serum" ? p : { ...p, skinTypes: ["oily"] })),
    expect: { pickIds: ["mini-serum"], limitedBy: ["skin-type"] },
  },
  {
    name: "strong products only: limited by sensitivity and pregnancy",
    survey: { concerns: ["fine-lines"], sensitivity: "high", pregnancy: "yes" },
    catalog: [
      makeProduct({
        id: "retinol-a",
        brand: "A",
        keyActives: ["retinoid"],
        strength: "strong",
        sensitiveOk: false,
        pregnancySafe: false,
        concerns: ["fine-lines"],
      }),
      makeProduct({ id: "gentle-cream", brand: "B", step: "moisturiser", concerns: ["dryness"] }),
    ],
    expect: { pickIds: ["gentle-cream"], limitedBy: ["sensitivity", "pregnancy"] },
  },
  {
    name: "an empty catalog gives no picks, and each basic step says to keep using your own",
    survey: {},
    catalog: [],
    expect: {
      count: 0,
      limitedBy: [],
      amLabels: [/^Keep using your own cleanser/, /^Keep using your own moisturiser/, /^Keep using your own sunscreen/],
    },
  },
  {
    name: "pigmentation with no sunscreen passing the filters: warned, and the routine still has one",
    survey: { concerns: ["pigmentation"], goals: ["even-tone"], fragrance: "avoid" },
    catalog: mini.map((p) => (p.step === "sunscreen" ? { ...p, fragranceFree: false } : p)),
    expect: {
      lacksStep: ["sunscreen"],
      warnings: ["NO_SUNSCREEN"],
      amLabels: [/^Keep using your own sunscreen/],
    },
  },
  {
    name: "a rinse-off BHA cleanser alone does not call for a sunscreen",
    survey: { concerns: ["acne"] },
    catalog: [
      makeProduct({ id: "bha-wash", brand: "A", step: "cleanser", keyActives: ["bha"], concerns: ["acne"] }),
      makeProduct({ id: "cream", brand: "B", step: "moisturiser", concerns: ["acne"] }),
      makeProduct({ id: "serum", brand: "C", keyActives: ["niacinamide"], concerns: ["acne"] }),
      makeProduct({
        id: "spf",
        brand: "D",
        step: "sunscreen",
        keyActives: ["uv-filters"],
        concerns: ["fine-lines"],
        use: { am: true, pm: false },
      }),
    ],
    expect: { pickIds: ["bha-wash", "serum", "cream"], noWarnings: ["NO_SUNSCREEN"] },
  },
];

describe("recommend: warnings and limits", () => {
  it("has at least 12 scenarios here", () => expect(scenarios.length).toBeGreaterThanOrEqual(12));
  it.each(scenarios)("$name", assertScenario);
});
