import { keptSteps, type Survey } from "../survey";
import { budgetNoteFor } from "./budget-note";
import { eligibleProducts, failedFilters } from "./filters";
import { buildNotes } from "./notes";
import { orderByPreference } from "./order";
import { reasonsFor } from "./reasons";
import { HARD_FILTERS, type HardFilter, type Pick, type Recommendation } from "./recommendation";
import { buildRoutine, usageOf } from "./routine";
import { rankProducts, scoringContext, type ScoringContext } from "./scoring";
import { PICK_COUNT, selectPicks } from "./select";
import { concernSignals, sunSensitiveConcerns, usableScores } from "./signals";
import { buildWarnings } from "./warnings";
import { ROUTINE_ORDER, type Product } from "../catalog/product";
import type { Message } from "../message";
import type { SkinReport } from "../skin-report";

export * from "./recommendation";
export { failedFilters, passesFilter, eligibleProducts } from "./filters";

function picksWith(
  products: readonly Product[],
  survey: Survey,
  ctx: ScoringContext,
  relaxed: readonly HardFilter[],
): Product[] {
  const ranked = orderByPreference(rankProducts(eligibleProducts(products, survey, relaxed), ctx), survey);
  return selectPicks(ranked, ctx.signals, survey).picks.map((s) => s.product);
}

/**
 * The hard filters that cost picks: those which, relaxed on their own, would yield more picks. When only a
 * combination would (a retinoid blocked by both sensitivity and pregnancy), the filters the extra picks fail.
 */
function limitingFilters(
  products: readonly Product[],
  survey: Survey,
  ctx: ScoringContext,
  count: number,
): HardFilter[] {
  const single = HARD_FILTERS.filter((f) => picksWith(products, survey, ctx, [f]).length > count);
  if (single.length > 0) return single;
  const extra = picksWith(products, survey, ctx, HARD_FILTERS).flatMap((p) => failedFilters(p, survey));
  return HARD_FILTERS.filter((f) => extra.includes(f));
}

/** Only present when there is something to say, so in-band picks carry no empty field. */
const withBudgetNote = (note: Message | undefined) => (note === undefined ? {} : { budgetNote: note });

function compareByRoutine(a: Product, b: Product): number {
  return ROUTINE_ORDER[a.step] - ROUTINE_ORDER[b.step] || (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);
}

/**
 * Three products for this person, with reasons, an AM/PM routine and warnings.
 * Pure and deterministic: the same report, survey and catalog always give the same recommendation.
 */
export function recommend(report: SkinReport | null, survey: Survey, products: readonly Product[]): Recommendation {
  const scores = usableScores(report);
  const signals = concernSignals(scores, survey);
  const ctx = scoringContext(survey, signals);
  const ranked = orderByPreference(rankProducts(eligibleProducts(products, survey), ctx), survey);
  const selection = selectPicks(ranked, signals, survey);
  const chosen = selection.picks.map((s) => s.product).sort(compareByRoutine);
  const routine = buildRoutine(chosen, ranked, ctx.current, keptSteps(survey));

  const picks: Pick[] = chosen.map((product) => ({
    productId: product.id,
    brand: product.brand,
    name: product.name,
    step: product.step,
    priceRm: product.priceRm,
    size: product.size,
    ...withBudgetNote(budgetNoteFor(product, survey, products, ranked)),
    keyActives: [...product.keyActives],
    ...usageOf(product),
    links: { ...product.links },
    reasons: reasonsFor(product, { survey, signals, sunscreenTrigger: selection.sunscreenTrigger, picks: chosen }),
  }));

  const surveyOnly = scores === null;
  return {
    picks,
    routine: { am: routine.am, pm: routine.pm },
    warnings: buildWarnings(chosen, routine.basics, survey, sunSensitiveConcerns(signals).length > 0),
    notes: buildNotes(surveyOnly, picks.length),
    limitedBy: picks.length < PICK_COUNT ? limitingFilters(products, survey, ctx, picks.length) : [],
    surveyOnly,
  };
}
