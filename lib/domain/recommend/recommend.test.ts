import { describe, expect, it } from "vitest";
import { loadCatalog, type Product, type RoutineStep } from "../catalog";
import type { ScoreKey } from "../skin-report";
import type { Survey } from "../survey";
import { checkRecommendation } from "./check-recommendation";
import { recommend, type HardFilter, type Recommendation } from "./index";
import { makeProduct, makeReport, makeSurvey } from "./test-fixtures";

const catalog = loadCatalog();

/** A small hand-built catalog: one product per core step, each from its own brand. */
const mini: Product[] = [
  makeProduct({ id: "mini-cleanser", brand: "A", step: "cleanser", concerns: ["acne", "dryness"] }),
  makeProduct({ id: "mini-serum", brand: "B", step: "serum", keyActives: ["niacinamide"], concerns: ["acne", "redness"] }),
  makeProduct({ id: "mini-moisturiser", brand: "C", step: "moisturiser", keyActives: ["ceramides"], concerns: ["dryness"] }),
  makeProduct({ id: "mini-sunscreen", brand: "D", step: "sunscreen", keyActives: ["uv-filters"], concerns: ["pigmentation"], use: { am: true, pm: false } }),
];

interface Scenario {
  name: string;
  survey: Partial<Survey>;
  /** Photo grades; omit for a survey-only recommendation. */
  grades?: Partial<Record<ScoreKey, number>>;
  catalog?: Product[];
  expect: {
    count?: number;
    pickIds?: string[];
    steps?: RoutineStep[];
    hasStep?: RoutineStep[];
    lacksStep?: RoutineStep[];
    warnings?: string[];
    noWarnings?: string[];
    limitedBy?: HardFilter[];
    surveyOnly?: boolean;
    /** Some pick has a reason matching each pattern. */
    reasons?: RegExp[];
    /** Reasons of the pick at this step match each pattern. */
    stepReasons?: [RoutineStep, RegExp][];
    distinctBrands?: boolean;
    everyPick?: [string, (p: Product) => boolean];
    noPick?: [string, (p: Product) => boolean];
    amLabels?: RegExp[];
  };
}

const has = (active: Product["keyActives"][number]) => (p: Product) => p.keyActives.includes(active);

const scenarios: Scenario[] = [
  {
    name: "oily, acne, under RM50, survey only",
    survey: { skinType: "oily", concerns: ["acne", "pores"], budget: "under-50" },
    expect: { count: 3, surveyOnly: true, distinctBrands: true, reasons: [/^You said acne and breakouts concern you: /], everyPick: ["costs under RM50", (p) => p.priceRm < 50] },
  },
  {
    name: "a breakout score of 3/3 is named in the reasons",
    survey: { skinType: "oily", concerns: ["pores"] },
    grades: { acne: 3 },
    expect: { count: 3, surveyOnly: false, reasons: [/^Your breakout score is 3\/3: /] },
  },
  {
    name: "a redness score adds a sunscreen and says why",
    survey: { concerns: ["dryness"], goals: ["hydration"] },
    grades: { redness: 2 },
    expect: {
      hasStep: ["sunscreen"],
      reasons: [/^Your redness score is 2\/3: /],
      stepReasons: [["sunscreen", /^Added for your redness score of 2\/3/]],
    },
  },
  {
    name: "a stated pigmentation concern adds a sunscreen",
    survey: { concerns: ["pigmentation"], goals: ["even-tone"] },
    expect: { hasStep: ["sunscreen"], stepReasons: [["sunscreen", /^Added for your dark spots and pigmentation/]] },
  },
  {
    name: "redness score 2/3 is explained by a calming active",
    survey: { skinType: "dry", concerns: ["redness"], goals: ["barrier-repair"], sensitivity: "medium" },
    grades: { redness: 2 },
    expect: { reasons: [/^Your redness score is 2\/3: (niacinamide|centella|azelaic acid|ceramides|panthenol|allantoin|licorice|zinc)/] },
  },
  {
    name: "fragrance avoided: every pick is fragrance-free and generic steps say so",
    survey: { concerns: ["dryness"], goals: ["hydration"], fragrance: "avoid" },
    expect: { everyPick: ["is fragrance-free", (p) => p.fragranceFree], reasons: [/Fragrance-free, as you asked/], noWarnings: ["FRAGRANCE"] },
  },
  {
    name: "high sensitivity: nothing strong, everything sensitive-ok",
    survey: { concerns: ["acne", "fine-lines"], goals: ["anti-ageing"], sensitivity: "high", budget: "over-150" },
    expect: { count: 3, everyPick: ["is gentle enough", (p) => p.sensitiveOk && p.strength !== "strong"], reasons: [/Made for sensitive skin/] },
  },
  {
    name: "pregnant: no retinoid and no salicylic acid above 2%",
    survey: { concerns: ["fine-lines", "pores"], goals: ["anti-ageing"], pregnancy: "yes", budget: "over-150" },
    expect: { count: 3, noPick: ["retinoid or strong salicylic", (p) => has("retinoid")(p) || (p.salicylicPercent ?? 0) > 2] },
  },
  {
    name: "prefer not to say about pregnancy is treated as pregnant",
    survey: { concerns: ["fine-lines"], goals: ["anti-ageing"], pregnancy: "prefer-not-to-say" },
    expect: { noPick: ["a retinoid", has("retinoid")], everyPick: ["is pregnancy-safe", (p) => p.pregnancySafe] },
  },
  {
    name: "not pregnant, anti-ageing: a retinoid at night plus a sunscreen",
    survey: { concerns: ["fine-lines"], goals: ["anti-ageing"], budget: "50-150" },
    expect: {
      count: 3,
      hasStep: ["sunscreen"],
      reasons: [/retinoids are the best-studied ingredient for fine lines/],
      stepReasons: [["sunscreen", /sun-sensitive/]],
    },
  },
  {
    name: "current retinoid: acids are kept out of the picks and a sunscreen is added",
    survey: { skinType: "oily", concerns: ["acne", "pores"], currentActives: ["retinoid"], budget: "under-50" },
    expect: {
      hasStep: ["sunscreen"],
      noWarnings: ["RETINOID_WITH_ACIDS", "NO_SUNSCREEN"],
      noPick: ["a leave-on acid", (p) => p.step !== "cleanser" && (has("aha")(p) || has("bha")(p))],
      stepReasons: [["sunscreen", /^Added because you use a retinoid/]],
    },
  },
  {
    name: "current retinoid and AHA: same-night warning",
    survey: { concerns: ["dullness"], goals: ["even-tone"], currentActives: ["retinoid", "aha"] },
    expect: { warnings: ["RETINOID_WITH_ACIDS"] },
  },
  {
    name: "current benzoyl peroxide and retinoid: warning",
    survey: { concerns: ["acne"], currentActives: ["benzoyl-peroxide", "retinoid"] },
    expect: { warnings: ["BENZOYL_PEROXIDE_WITH_RETINOID"], noPick: ["another benzoyl peroxide or retinoid", (p) => has("benzoyl-peroxide")(p) || has("retinoid")(p)] },
  },
  {
    name: "current vitamin C and BHA: warning",
    survey: { concerns: ["dullness"], goals: ["even-tone"], currentActives: ["vitamin-c", "bha"] },
    expect: { warnings: ["VITAMIN_C_WITH_ACIDS"] },
  },
  {
    name: "current AHA and BHA: more than one exfoliant",
    survey: { concerns: ["pores"], goals: ["refine-pores"], currentActives: ["aha", "bha"] },
    expect: { warnings: ["MULTIPLE_EXFOLIANTS"], noPick: ["another exfoliant", (p) => p.step !== "cleanser" && (has("aha")(p) || has("bha")(p) || has("pha")(p))] },
  },
  {
    name: "retinoid user and a catalog without sunscreen: no-sunscreen warning",
    survey: { concerns: ["acne"], currentActives: ["retinoid"] },
    catalog: mini.filter((p) => p.step !== "sunscreen"),
    expect: { warnings: ["NO_SUNSCREEN"], lacksStep: ["sunscreen"], amLabels: [/^Broad-spectrum SPF 30\+ sunscreen \(any\)$/] },
  },
  {
    name: "high sensitivity and a current retinoid: go-slow warning",
    survey: { concerns: ["redness"], goals: ["barrier-repair"], sensitivity: "high", currentActives: ["retinoid"] },
    expect: { warnings: ["SENSITIVITY_CURRENT_ACTIVES"] },
  },
  {
    name: "medium sensitivity and a strong pick: start slowly",
    survey: { concerns: ["fine-lines"], goals: ["anti-ageing"], sensitivity: "medium" },
    catalog: [makeProduct({ id: "strong-retinol", step: "serum", keyActives: ["retinoid"], strength: "strong", sensitiveOk: false, pregnancySafe: false, concerns: ["fine-lines"], use: { am: false, pm: true } })],
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
    name: "under-eye score: an eye product with caffeine",
    survey: { concerns: ["dark-circles"], goals: ["hydration"] },
    grades: { underEye: 2 },
    expect: { hasStep: ["eye"], reasons: [/^Your under-eye score is 2\/3: caffeine/] },
  },
  {
    name: "a shine score maps to oiliness",
    survey: { skinType: "oily", concerns: ["pores"], goals: ["refine-pores"] },
    grades: { shine: 3 },
    expect: { reasons: [/^Your shine score is 3\/3: /] },
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
      makeProduct({ id: "retinol-a", brand: "A", keyActives: ["retinoid"], strength: "strong", sensitiveOk: false, pregnancySafe: false, concerns: ["fine-lines"] }),
      makeProduct({ id: "gentle-cream", brand: "B", step: "moisturiser", concerns: ["dryness"] }),
    ],
    expect: { pickIds: ["gentle-cream"], limitedBy: ["sensitivity", "pregnancy"] },
  },
  {
    name: "an empty catalog gives no picks but still the basics and notes",
    survey: {},
    catalog: [],
    expect: { count: 0, limitedBy: [], amLabels: [/^Gentle cleanser/, /^Moisturiser for normal skin/, /^Broad-spectrum/] },
  },
  {
    name: "one brand dominates the ranking: picks still come from three brands",
    survey: { concerns: ["acne"] },
    catalog: [
      makeProduct({ id: "x-serum", brand: "X", keyActives: ["bha"], concerns: ["acne"] }),
      makeProduct({ id: "x-cleanser", brand: "X", step: "cleanser", keyActives: ["bha"], concerns: ["acne"] }),
      makeProduct({ id: "x-cream", brand: "X", step: "moisturiser", concerns: ["acne"] }),
      makeProduct({ id: "y-cleanser", brand: "Y", step: "cleanser", concerns: ["dryness"] }),
      makeProduct({ id: "z-cream", brand: "Z", step: "moisturiser", concerns: ["dryness"] }),
    ],
    expect: { pickIds: ["y-cleanser", "x-serum", "z-cream"], distinctBrands: true },
  },
  {
    name: "a one-brand catalog may repeat the brand rather than return fewer picks",
    survey: { concerns: ["acne"] },
    catalog: mini.map((p) => ({ ...p, brand: "Solo" })),
    expect: { count: 3, steps: ["cleanser", "serum", "moisturiser"] },
  },
  {
    name: "a failed-quality report counts as survey only",
    survey: { concerns: ["acne"] },
    grades: {},
    expect: { count: 3, surveyOnly: true },
  },
  {
    name: "over RM150 budget still allows cheaper picks but leans premium",
    survey: { concerns: ["fine-lines"], goals: ["anti-ageing"], budget: "over-150" },
    expect: { count: 3, hasStep: ["sunscreen"], everyPick: ["is any price", (p) => p.priceRm > 0] },
  },
  {
    name: "a picked vitamin C calls for a sunscreen",
    survey: { concerns: ["dullness"], goals: ["even-tone"] },
    catalog: [
      makeProduct({ id: "vit-c", brand: "A", keyActives: ["vitamin-c"], concerns: ["dullness"], use: { am: true, pm: false } }),
      makeProduct({ id: "cleanser", brand: "B", step: "cleanser", concerns: ["dullness"] }),
      makeProduct({ id: "cream", brand: "C", step: "moisturiser", concerns: ["dullness"] }),
      makeProduct({ id: "spf", brand: "D", step: "sunscreen", keyActives: ["uv-filters"], concerns: ["fine-lines"], use: { am: true, pm: false } }),
    ],
    expect: { hasStep: ["serum", "sunscreen"], stepReasons: [["sunscreen", /^Added because A vit-c makes skin more sun-sensitive/]] },
  },
  {
    name: "pigmentation with no sunscreen passing the filters: warned, and the routine still has one",
    survey: { concerns: ["pigmentation"], goals: ["even-tone"], fragrance: "avoid" },
    catalog: mini.map((p) => (p.step === "sunscreen" ? { ...p, fragranceFree: false } : p)),
    expect: { lacksStep: ["sunscreen"], warnings: ["NO_SUNSCREEN"], amLabels: [/^Broad-spectrum SPF 30\+ fragrance-free sunscreen \(any\)$/] },
  },
  {
    name: "two vitamin C products are not picked together while an alternative exists",
    survey: { concerns: ["pigmentation", "dullness"], goals: ["even-tone"], skinType: "combination" },
    grades: { pigmentation: 2 },
    expect: { count: 3, noPick: ["a second vitamin C", (p) => p.step !== "serum" && has("vitamin-c")(p)] },
  },
  {
    name: "a rinse-off BHA cleanser alone does not call for a sunscreen",
    survey: { concerns: ["acne"] },
    catalog: [
      makeProduct({ id: "bha-wash", brand: "A", step: "cleanser", keyActives: ["bha"], concerns: ["acne"] }),
      makeProduct({ id: "cream", brand: "B", step: "moisturiser", concerns: ["acne"] }),
      makeProduct({ id: "serum", brand: "C", keyActives: ["niacinamide"], concerns: ["acne"] }),
      makeProduct({ id: "spf", brand: "D", step: "sunscreen", keyActives: ["uv-filters"], concerns: ["fine-lines"], use: { am: true, pm: false } }),
    ],
    expect: { pickIds: ["bha-wash", "serum", "cream"], noWarnings: ["NO_SUNSCREEN"] },
  },
];

function run(s: Scenario): { rec: Recommendation; survey: Survey; products: Product[] } {
  const survey = makeSurvey(s.survey);
  const products = s.catalog ?? catalog;
  const report = s.grades === undefined ? null : makeReport(s.grades, s.name.includes("failed-quality") ? false : true);
  return { rec: recommend(report, survey, products), survey, products };
}

describe("recommend: scenarios", () => {
  it("has at least 25 scenarios", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(25);
  });

  it.each(scenarios)("$name", (s) => {
    const { rec, survey, products } = run(s);
    const picked = rec.picks.map((p) => products.find((q) => q.id === p.productId)).filter((p) => p !== undefined);
    const e = s.expect;
    expect(checkRecommendation(rec, survey, products)).toEqual([]);
    if (e.count !== undefined) expect(rec.picks).toHaveLength(e.count);
    if (e.pickIds) expect(rec.picks.map((p) => p.productId)).toEqual(e.pickIds);
    if (e.steps) expect(rec.picks.map((p) => p.step)).toEqual(e.steps);
    for (const step of e.hasStep ?? []) expect(rec.picks.map((p) => p.step)).toContain(step);
    for (const step of e.lacksStep ?? []) expect(rec.picks.map((p) => p.step)).not.toContain(step);
    const codes = rec.warnings.map((w) => w.code);
    for (const code of e.warnings ?? []) expect(codes).toContain(code);
    for (const code of e.noWarnings ?? []) expect(codes).not.toContain(code);
    if (e.limitedBy) expect(rec.limitedBy).toEqual(e.limitedBy);
    if (e.surveyOnly !== undefined) expect(rec.surveyOnly).toBe(e.surveyOnly);
    const reasons = rec.picks.flatMap((p) => p.reasons);
    for (const pattern of e.reasons ?? []) expect(reasons.some((r) => pattern.test(r)), `${pattern} in ${reasons.join(" | ")}`).toBe(true);
    for (const [step, pattern] of e.stepReasons ?? []) {
      const stepReasons = rec.picks.find((p) => p.step === step)?.reasons ?? [];
      expect(stepReasons.some((r) => pattern.test(r)), `${pattern} in ${stepReasons.join(" | ")}`).toBe(true);
    }
    if (e.distinctBrands) expect(new Set(rec.picks.map((p) => p.brand)).size).toBe(rec.picks.length);
    if (e.everyPick) expect(picked.every(e.everyPick[1]), `every pick ${e.everyPick[0]}`).toBe(true);
    if (e.noPick) expect(picked.filter(e.noPick[1]).map((p) => p.id), `no pick is ${e.noPick[0]}`).toEqual([]);
    for (const pattern of e.amLabels ?? []) expect(rec.routine.am.some((i) => pattern.test(i.label))).toBe(true);
  });
});

describe("recommend: determinism", () => {
  it("gives the same output whatever the catalog order", () => {
    const survey = makeSurvey({ skinType: "combination", concerns: ["acne", "pigmentation"], goals: ["even-tone"] });
    const report = makeReport({ acne: 2, pigmentation: 1 });
    const reversed = [...catalog].reverse();
    expect(recommend(report, survey, reversed)).toEqual(recommend(report, survey, catalog));
  });

  it("lists picks in routine order with a spread of steps", () => {
    const rec = recommend(makeReport({ acne: 2 }), makeSurvey({ concerns: ["acne"] }), catalog);
    const steps = rec.picks.map((p) => p.step);
    expect(new Set(steps.map((s) => (s === "spot-treatment" ? "serum" : s))).size).toBe(3);
  });

  it("does not change the catalog it is given", () => {
    const copy = structuredClone(catalog);
    recommend(null, makeSurvey({ concerns: ["acne", "redness"] }), catalog);
    expect(catalog).toEqual(copy);
  });
});
