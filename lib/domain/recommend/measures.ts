import { inPriceBand, type Product } from "../catalog";
import { describeMessage } from "../message";
import {
  ACTIVES,
  BUDGETS,
  CONCERNS,
  FRAGRANCE_PREFERENCES,
  GOALS,
  KEEPABLE_STEPS,
  PREGNANCY_ANSWERS,
  SENSITIVITIES,
  SKIN_TYPES,
  surveySchema,
  type Survey,
} from "../survey";
import { eligibleProducts, recommend } from "./index";
import { isRelevant } from "./order";
import { rankProducts, scoringContext } from "./scoring";
import { stepGroup } from "./select";
import { concernSignals } from "./signals";

function oneOf<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
}

function someOf<T>(rand: () => number, list: readonly T[], min: number, max: number): T[] {
  const shuffled = [...list].sort(() => rand() - 0.5);
  return shuffled.slice(0, min + Math.floor(rand() * (max - min + 1)));
}

/** A random valid survey; `rand` is a seeded generator so the sample is the same on every run. */
export function randomSurvey(rand: () => number): Survey {
  return surveySchema.parse({
    skinType: oneOf(rand, SKIN_TYPES),
    concerns: someOf(rand, CONCERNS, 1, 4),
    goals: someOf(rand, GOALS, 1, 3),
    sensitivity: oneOf(rand, SENSITIVITIES),
    currentActives: someOf(rand, ACTIVES, 0, 3),
    fragrance: oneOf(rand, FRAGRANCE_PREFERENCES),
    pregnancy: oneOf(rand, PREGNANCY_ANSWERS),
    budget: oneOf(rand, BUDGETS),
    keepUsing: someOf(rand, KEEPABLE_STEPS, 0, 3),
  });
}

/** The recommender-wide figures of issue 12, over survey-only recommendations. */
export interface RecommenderMeasures {
  surveys: number;
  picks: number;
  /** Share of picks priced inside the chosen band. */
  inBand: number;
  /** Share of picks inside the band, among picks whose step had a fitting product in the band. */
  inBandWhereFit: number;
  /** Share of out-of-band picks that carry no stated reason. */
  outOfBandUnexplained: number;
  /** Share of routines with a generic "(any)" step. */
  genericStep: number;
  /** Share of recommendations where a warning names one of the picks. */
  warningNamesPick: number;
  /** Share of recommendations that spend a pick on a step the person keeps their own product for. */
  keptStepPicked: number;
  /** Distinct catalogue products picked at least once. */
  distinctPicked: number;
  /** Share of all picks taken by the five most-picked products. */
  top5Share: number;
  counts: Map<string, number>;
}

export function measureRecommender(products: readonly Product[], surveys: readonly Survey[]): RecommenderMeasures {
  const counts = new Map<string, number>();
  let picks = 0;
  let inBand = 0;
  let outWithFit = 0;
  let unexplained = 0;
  let generic = 0;
  let warned = 0;
  let keptPicked = 0;
  for (const survey of surveys) {
    const rec = recommend(null, survey, products);
    const scored = rankProducts(
      eligibleProducts(products, survey),
      scoringContext(survey, concernSignals(null, survey)),
    );
    for (const pick of rec.picks) {
      picks += 1;
      counts.set(pick.productId, (counts.get(pick.productId) ?? 0) + 1);
      if (inPriceBand(pick, survey.budget)) inBand += 1;
      else {
        if (!pick.budgetNote) unexplained += 1;
        // A fit: same step, priced in the band, passes the hard filters, draws no warning, and is relevant.
        const fit = scored.some(
          (s) =>
            stepGroup(s.product.step) === stepGroup(pick.step) &&
            inPriceBand(s.product, survey.budget) &&
            s.flags.length === 0 &&
            isRelevant(s),
        );
        if (fit) outWithFit += 1;
      }
    }
    const kept: readonly string[] = survey.keepUsing ?? [];
    if (rec.picks.some((p) => kept.includes(p.step))) keptPicked += 1;
    if ([...rec.routine.am, ...rec.routine.pm].some((i) => describeMessage(i.label).includes("(any)"))) generic += 1;
    const names = rec.picks.map((p) => `${p.brand} ${p.name}`);
    if (rec.warnings.some((w) => names.some((n) => describeMessage(w.message).includes(n)))) warned += 1;
  }
  const top5 = [...counts.values()].sort((a, b) => b - a).slice(0, 5);
  return {
    surveys: surveys.length,
    picks,
    inBand: inBand / picks,
    inBandWhereFit: inBand / (inBand + outWithFit),
    outOfBandUnexplained: picks === inBand ? 0 : unexplained / (picks - inBand),
    genericStep: generic / surveys.length,
    warningNamesPick: warned / surveys.length,
    keptStepPicked: keptPicked / surveys.length,
    distinctPicked: counts.size,
    top5Share: top5.reduce((s, c) => s + c, 0) / picks,
    counts,
  };
}
