import { inPriceBand } from "../catalog";
import { stepGroup } from "./select";
import type { Survey } from "../survey";
import type { ScoredProduct } from "./scoring";

/**
 * How much a step group's best candidate loses when it sits outside the chosen band or would draw a warning.
 * Large enough that a group with a fitting in-band product is chosen over one without, unless the other is far
 * more relevant (a stated concern is worth 3 points, see signals.ts).
 */
const OUT_OF_BAND_GROUP_PENALTY = 3;
const FLAGGED_GROUP_PENALTY = 4;

/**
 * A product that speaks to at least one concern or goal; an in-band product that does not is no fit.
 * Any sunscreen fits: it is there to protect, whatever the concerns.
 */
export function isRelevant(s: ScoredProduct): boolean {
  return s.relevance > 0 || s.product.step === "sunscreen";
}

/** Lower is better: unflagged, then relevant, then inside the band. */
export function preferenceTier(s: ScoredProduct, survey: Survey): number {
  return (s.flags.length > 0 ? 4 : 0) + (isRelevant(s) ? 0 : 2) + (inPriceBand(s.product, survey.budget) ? 0 : 1);
}

function compareWithin(survey: Survey) {
  return (a: ScoredProduct, b: ScoredProduct) =>
    preferenceTier(a, survey) - preferenceTier(b, survey) ||
    b.score - a.score ||
    (a.product.id === b.product.id ? 0 : a.product.id < b.product.id ? -1 : 1);
}

/**
 * The ranked list reordered so that the greedy fill reads the budget as people read it: within each step group
 * the products inside the chosen band come first (when they fit and draw no warning), and groups are visited by
 * what they would actually contribute, so a step with a fitting in-band product beats one without.
 */
export function orderByPreference(ranked: readonly ScoredProduct[], survey: Survey): ScoredProduct[] {
  const groups = new Map<string, ScoredProduct[]>();
  for (const s of ranked) {
    const key = stepGroup(s.product.step);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const ordered = [...groups.entries()].map(([key, list]) => {
    const sorted = [...list].sort(compareWithin(survey));
    const head = sorted[0];
    const inBand = head !== undefined && inPriceBand(head.product, survey.budget);
    const value =
      head === undefined
        ? Number.NEGATIVE_INFINITY
        : head.score - (inBand ? 0 : OUT_OF_BAND_GROUP_PENALTY) - (head.flags.length > 0 ? FLAGGED_GROUP_PENALTY : 0);
    return { key, sorted, value };
  });
  ordered.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ordered.flatMap((g) => g.sorted);
}
