import { expect } from "vitest";
import { renderEnglish } from "@/testing/i18n/render-english";
import { makeProduct, makeReport, makeSurvey } from "./fixtures";
import { inPriceBand, loadCatalog, type Product, type RoutineStep } from "../../lib/domain/catalog";
import { describeMessage } from "../../lib/domain/message";
import { recommend, type HardFilter, type Recommendation } from "../../lib/domain/recommend";
import { checkRecommendation } from "../../lib/domain/recommend/check-recommendation";
import type { ScoreKey } from "../../lib/domain/skin-report";
import type { Survey } from "../../lib/domain/survey";

export const catalog = loadCatalog();

/** A small hand-built catalog: one product per core step, each from its own brand. */
export const mini: Product[] = [
  makeProduct({ id: "mini-cleanser", brand: "A", step: "cleanser", concerns: ["acne", "dryness"] }),
  makeProduct({
    id: "mini-serum",
    brand: "B",
    step: "serum",
    keyActives: ["niacinamide"],
    concerns: ["acne", "redness"],
  }),
  makeProduct({
    id: "mini-moisturiser",
    brand: "C",
    step: "moisturiser",
    keyActives: ["ceramides"],
    concerns: ["dryness"],
  }),
  makeProduct({
    id: "mini-sunscreen",
    brand: "D",
    step: "sunscreen",
    keyActives: ["uv-filters"],
    concerns: ["pigmentation"],
    use: { am: true, pm: false },
  }),
];

export const has = (active: Product["keyActives"][number]) => (p: Product) => p.keyActives.includes(active);

export interface Scenario {
  name: string;
  survey: Partial<Survey>;
  /** Photo grades; omit for a survey-only recommendation. */
  grades?: Partial<Record<ScoreKey, number>>;
  /** Set false for a report that failed the photo-quality gate. */
  qualityOk?: boolean;
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
    distinctSteps?: boolean;
    /** Every pick priced inside the chosen band, or carrying a note that says why not. */
    inBandOrNoted?: boolean;
    /** No warning names a pick. */
    noWarningNamesPick?: boolean;
    /** No routine item is a placeholder: each names a catalogue product. */
    allCatalogueSteps?: boolean;
    /** The out-of-band note of the pick at this step matches. */
    budgetNote?: [RoutineStep, RegExp];
    everyPick?: [string, (p: Product) => boolean];
    noPick?: [string, (p: Product) => boolean];
    amLabels?: RegExp[];
  };
}

function run(s: Scenario): { rec: Recommendation; survey: Survey; products: Product[] } {
  const survey = makeSurvey(s.survey);
  const products = s.catalog ?? catalog;
  const report = s.grades === undefined ? null : makeReport(s.grades, s.qualityOk ?? true);
  return { rec: recommend(report, survey, products), survey, products };
}

/** Runs one table row: the shared invariants first, then each expectation the row states. */
export function assertScenario(s: Scenario): void {
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
  // The reasons as an English reader sees them, so scenarios can name the words they expect.
  const reasons = rec.picks.flatMap((p) => p.reasons.map(renderEnglish));
  for (const pattern of e.reasons ?? [])
    expect(
      reasons.some((r) => pattern.test(r)),
      `${pattern} in ${reasons.join(" | ")}`,
    ).toBe(true);
  for (const [step, pattern] of e.stepReasons ?? []) {
    const stepReasons = (rec.picks.find((p) => p.step === step)?.reasons ?? []).map(renderEnglish);
    expect(
      stepReasons.some((r) => pattern.test(r)),
      `${pattern} in ${stepReasons.join(" | ")}`,
    ).toBe(true);
  }
  if (e.distinctSteps) expect(new Set(rec.picks.map((p) => p.step)).size).toBe(rec.picks.length);
  for (const p of e.inBandOrNoted ? rec.picks : []) {
    expect(inPriceBand(p, survey.budget) || Boolean(p.budgetNote), p.productId).toBe(true);
  }
  if (e.noWarningNamesPick) {
    const names = rec.picks.map((p) => `${p.brand} ${p.name}`);
    expect(rec.warnings.filter((w) => names.some((n) => describeMessage(w.message).includes(n)))).toEqual([]);
  }
  if (e.allCatalogueSteps)
    expect([...rec.routine.am, ...rec.routine.pm].filter((i) => i.productId === null)).toEqual([]);
  if (e.budgetNote)
    expect(renderEnglish(rec.picks.find((p) => p.step === e.budgetNote?.[0])?.budgetNote ?? "")).toMatch(
      e.budgetNote[1],
    );
  if (e.distinctBrands) expect(new Set(rec.picks.map((p) => p.brand)).size).toBe(rec.picks.length);
  if (e.everyPick) expect(picked.every(e.everyPick[1]), `every pick ${e.everyPick[0]}`).toBe(true);
  if (e.noPick)
    expect(
      picked.filter(e.noPick[1]).map((p) => p.id),
      `no pick is ${e.noPick[0]}`,
    ).toEqual([]);
  for (const pattern of e.amLabels ?? [])
    expect(rec.routine.am.some((i) => pattern.test(renderEnglish(i.label)))).toBe(true);
}
