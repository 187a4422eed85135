import { BUDGET_RANGES, type Budget, type Concern, type SkinType } from "../survey-options";
import type { Product } from "./product";
import { ROUTINE_ORDER, type RoutineStep } from "./product-options";

// Pure queries without the catalog data, so client components can filter without bundling products.json.

/** Steps that count as "treatment" in a routine. */
export const TREATMENT_STEPS: readonly RoutineStep[] = ["serum", "spot-treatment"];

/** Affordable within the budget: the price is at or under the band's ceiling (a RM50–150 budget can buy a RM30 cleanser). */
export function inBudget(product: Pick<Product, "priceRm">, budget: Budget): boolean {
  return product.priceRm <= BUDGET_RANGES[budget].max;
}

/** Priced inside the band itself, for browsing by price band. */
export function inPriceBand(product: Pick<Product, "priceRm">, budget: Budget): boolean {
  const { min, max } = BUDGET_RANGES[budget];
  return product.priceRm >= min && product.priceRm <= max;
}

/** The band a price falls in. Prices between 49.99 and 50 belong to the middle band. */
export function priceBand(priceRm: number): Budget {
  if (priceRm < BUDGET_RANGES["50-150"].min) return "under-50";
  if (priceRm <= BUDGET_RANGES["50-150"].max) return "50-150";
  return "over-150";
}

export function productsByStep(products: readonly Product[], step: RoutineStep): Product[] {
  return products.filter((p) => p.step === step);
}

export function findProduct(products: readonly Product[], id: string): Product | undefined {
  return products.find((p) => p.id === id);
}

export interface ProductFilter {
  concern?: Concern;
  step?: RoutineStep;
  skinType?: SkinType;
  /** Browsing filter: the product's price lies inside this band (see inPriceBand). */
  budget?: Budget;
  /** Only fragrance-free products when true; no constraint when false or absent. */
  fragranceFree?: boolean;
  sensitiveOk?: boolean;
  pregnancySafe?: boolean;
  /** Free text matched against the brand, the name and the key actives ("niacinamide", "vitamin c"). */
  query?: string;
}

export const PRODUCT_SORTS = ["step", "price-asc", "price-desc"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();

/** Every word of the query appears in the brand, name or actives, in any order ("ordinary niacinamide"). */
export function matchesQuery(product: Pick<Product, "brand" | "name" | "keyActives">, query: string): boolean {
  const words = normalise(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise([product.brand, product.name, ...product.keyActives].join(" "));
  return words.every((w) => haystack.includes(w));
}

/** Products matching every given criterion, sorted by step order, then brand, then name. */
export function filterProducts(products: readonly Product[], filter: ProductFilter): Product[] {
  return products
    .filter(
      (p) =>
        (filter.concern === undefined || p.concerns.includes(filter.concern)) &&
        (filter.step === undefined || p.step === filter.step) &&
        (filter.skinType === undefined || p.skinTypes.includes(filter.skinType)) &&
        (filter.budget === undefined || inPriceBand(p, filter.budget)) &&
        (filter.fragranceFree !== true || p.fragranceFree) &&
        (filter.sensitiveOk !== true || p.sensitiveOk) &&
        (filter.pregnancySafe !== true || p.pregnancySafe) &&
        (filter.query === undefined || matchesQuery(p, filter.query)),
    )
    .sort(compareForDisplay);
}

/** A new array in the chosen order; equal prices keep the display order, so the result is stable. */
export function sortProducts(products: readonly Product[], sort: ProductSort): Product[] {
  const sorted = [...products].sort(compareForDisplay);
  if (sort === "price-asc") return sorted.sort((a, b) => a.priceRm - b.priceRm);
  if (sort === "price-desc") return sorted.sort((a, b) => b.priceRm - a.priceRm);
  return sorted;
}

function compareForDisplay(a: Product, b: Product): number {
  return (
    ROUTINE_ORDER[a.step] - ROUTINE_ORDER[b.step] ||
    a.brand.localeCompare(b.brand, "en") ||
    a.name.localeCompare(b.name, "en") ||
    a.id.localeCompare(b.id, "en")
  );
}
