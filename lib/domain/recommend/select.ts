import { keptSteps, type Concern, type Survey } from "../survey";
import { addsConflict, currentActiveSources, productSource, SUN_SENSITISING, type ActiveSource } from "./conflicts";
import type { ScoredProduct } from "./scoring";
import { sunSensitiveConcerns, type ConcernSignal } from "./signals";
import type { ActiveIngredient, Product, RoutineStep } from "../catalog/product";

export const PICK_COUNT = 3;

type StepGroup = Exclude<RoutineStep, "serum" | "spot-treatment"> | "treatment";

/** A serum and a spot treatment do the same job in a routine, so picks spread across groups, not raw steps. */
export function stepGroup(step: RoutineStep): StepGroup {
  return step === "serum" || step === "spot-treatment" ? "treatment" : step;
}

export type SunscreenTrigger = "concern" | "current-active" | "picked-active";

export interface Selection {
  picks: ScoredProduct[];
  /** Why a sunscreen was added, when one was added because something called for it. */
  sunscreenTrigger: SunscreenTrigger | null;
}

/** Leave-on products with a sun-sensitising active; a rinse-off cleanser does not count. */
export function callsForSunscreen(product: Product): boolean {
  return product.step !== "cleanser" && SUN_SENSITISING.some((a) => product.keyActives.includes(a));
}

/** Actives that do one job each: a second product with the same one adds cost and irritation, not benefit. */
const SIGNATURE_ACTIVES: readonly ActiveIngredient[] = [
  "retinoid",
  "aha",
  "bha",
  "benzoyl-peroxide",
  "vitamin-c",
  "azelaic-acid",
];

function duplicatesSignature(candidate: Product, taken: readonly (readonly ActiveIngredient[])[]): boolean {
  return SIGNATURE_ACTIVES.some(
    (a) => candidate.keyActives.includes(a) && taken.some((actives) => actives.includes(a)),
  );
}

/**
 * Greedy fill in rank order: one product per step group; no two of one brand and no doubled-up active
 * while alternatives exist; never a pair that conflicts on the skin (retinoid + acid, two exfoliants ...).
 * Groups in `avoid` (steps the person keeps their own product for) are read last within each pass, so they
 * take a pick only when the other groups cannot fill it as well.
 */
function fill(
  ranked: readonly ScoredProduct[],
  current: readonly ActiveSource[],
  initial: readonly ScoredProduct[],
  limit: number,
  skipGroups: readonly StepGroup[] = [],
  avoid: readonly StepGroup[] = [],
): ScoredProduct[] {
  const picks = [...initial];
  const avoided = (s: ScoredProduct) => avoid.includes(stepGroup(s.product.step));
  const order = [...ranked.filter((s) => !avoided(s)), ...ranked.filter(avoided)];
  // The strict pass also keeps clear of what the person already uses; the second pass only of the picks.
  // Both run first over products no warning would flag, then over all, so a flagged pick is a last resort.
  const passes = [
    { strict: true, flagged: false },
    { strict: false, flagged: false },
    { strict: true, flagged: true },
    { strict: false, flagged: true },
  ];
  for (const { strict, flagged } of passes) {
    for (const candidate of order) {
      if (picks.length >= limit) return picks;
      if (!flagged && candidate.flags.length > 0) continue;
      const product = candidate.product;
      const group = stepGroup(product.step);
      if (skipGroups.includes(group) || picks.some((p) => stepGroup(p.product.step) === group)) continue;
      const pickedSources = picks.map((p) => productSource(p.product));
      const source = productSource(product);
      if (strict) {
        if (picks.some((p) => p.product.brand === product.brand)) continue;
        const taken = [
          ...picks.map((p) => p.product.keyActives),
          ...(source.leaveOn ? current.map((c) => c.actives) : []),
        ];
        if (duplicatesSignature(product, taken)) continue;
        if (addsConflict(source, [...current, ...pickedSources])) continue;
      }
      if (addsConflict(source, pickedSources)) continue;
      picks.push(candidate);
    }
  }
  return picks;
}

function withSunscreen(
  ranked: readonly ScoredProduct[],
  current: readonly ActiveSource[],
  avoid: readonly StepGroup[],
): ScoredProduct[] | null {
  const sunscreens = ranked.filter((s) => s.product.step === "sunscreen");
  if (sunscreens.length === 0) return null;
  const others = fill(ranked, current, [], PICK_COUNT - 1, ["sunscreen"], avoid);
  const fresh = sunscreens.find((s) => !others.some((o) => o.product.brand === s.product.brand));
  const sunscreen = fresh ?? sunscreens[0];
  if (sunscreen === undefined) return null;
  return fill(ranked, current, [...others, sunscreen], PICK_COUNT, [], avoid);
}

export function selectPicks(
  ranked: readonly ScoredProduct[],
  signals: Map<Concern, ConcernSignal>,
  survey: Survey,
): Selection {
  const current = currentActiveSources(survey.currentActives);
  const kept = keptSteps(survey);
  // A step the person keeps their own product for is the last place to spend a pick.
  const avoid: StepGroup[] = kept.map(stepGroup);
  // Someone who keeps their own sunscreen already has what a sun-sensitive concern or active calls for.
  const hasSunscreen = kept.includes("sunscreen");
  const upfront: SunscreenTrigger | null = hasSunscreen
    ? null
    : sunSensitiveConcerns(signals).length > 0
      ? "concern"
      : survey.currentActives.some((a) => SUN_SENSITISING.includes(a))
        ? "current-active"
        : null;
  if (upfront !== null) {
    const picks = withSunscreen(ranked, current, avoid);
    if (picks !== null) return { picks, sunscreenTrigger: upfront };
  }
  const plain = fill(ranked, current, [], PICK_COUNT, [], avoid);
  if (hasSunscreen || !plain.some((p) => callsForSunscreen(p.product))) return { picks: plain, sunscreenTrigger: null };
  if (plain.some((p) => p.product.step === "sunscreen")) return { picks: plain, sunscreenTrigger: "picked-active" };
  const picks = withSunscreen(ranked, current, avoid);
  if (picks === null) return { picks: plain, sunscreenTrigger: null };
  return { picks, sunscreenTrigger: "picked-active" };
}
