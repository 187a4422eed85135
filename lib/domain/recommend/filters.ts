import { inBudget } from "../catalog";
import { needsPregnancySafe, type Survey } from "../survey";
import { HARD_FILTERS, type HardFilter } from "./recommendation";
import type { Product } from "../catalog/product";

/** Salicylic acid above this % is avoided in pregnancy (leave-on peels and high-strength exfoliants). */
export const PREGNANCY_MAX_SALICYLIC_PERCENT = 2;

export function passesFilter(product: Product, survey: Survey, filter: HardFilter): boolean {
  switch (filter) {
    case "budget":
      return inBudget(product, survey.budget);
    case "fragrance":
      return survey.fragrance !== "avoid" || product.fragranceFree;
    case "sensitivity":
      return survey.sensitivity !== "high" || (product.sensitiveOk && product.strength !== "strong");
    case "pregnancy":
      return !needsPregnancySafe(survey) || isPregnancySafe(product);
    case "skin-type":
      return product.skinTypes.includes(survey.skinType);
  }
}

/** The catalog flag, double-checked against the two rules the issue names so a mis-flagged entry cannot slip through. */
export function isPregnancySafe(product: Product): boolean {
  return (
    product.pregnancySafe &&
    !product.keyActives.includes("retinoid") &&
    (product.salicylicPercent ?? 0) <= PREGNANCY_MAX_SALICYLIC_PERCENT
  );
}

export function failedFilters(product: Product, survey: Survey): HardFilter[] {
  return HARD_FILTERS.filter((f) => !passesFilter(product, survey, f));
}

/** Products that pass every hard filter except those in `relaxed`. */
export function eligibleProducts(
  products: readonly Product[],
  survey: Survey,
  relaxed: readonly HardFilter[] = [],
): Product[] {
  const active = HARD_FILTERS.filter((f) => !relaxed.includes(f));
  return products.filter((p) => active.every((f) => passesFilter(p, survey, f)));
}
