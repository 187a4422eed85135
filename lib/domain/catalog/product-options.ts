// Routine steps, actives and labels without zod, for client components that only display them.

export const ROUTINE_STEPS = [
  "cleanser",
  "exfoliant",
  "serum",
  "spot-treatment",
  "moisturiser",
  "sunscreen",
  "eye",
] as const;
export type RoutineStep = (typeof ROUTINE_STEPS)[number];

export const ROUTINE_STEP_LABELS: Record<RoutineStep, string> = {
  cleanser: "Cleanser",
  exfoliant: "Exfoliant / toner",
  serum: "Serum / treatment",
  "spot-treatment": "Spot treatment",
  moisturiser: "Moisturiser",
  sunscreen: "Sunscreen",
  eye: "Eye care",
};

/** Order in which products go on the face. */
export const ROUTINE_ORDER: Record<RoutineStep, number> = {
  cleanser: 0,
  exfoliant: 1,
  serum: 2,
  "spot-treatment": 3,
  eye: 4,
  moisturiser: 5,
  sunscreen: 6,
};

/** Ingredient families the recommendation rules reason about. */
export const ACTIVE_INGREDIENTS = [
  "retinoid",
  "aha",
  "bha",
  "benzoyl-peroxide",
  "vitamin-c",
  "azelaic-acid",
  "niacinamide",
  "ceramides",
  "hyaluronic-acid",
  "centella",
  "panthenol",
  "zinc",
  "sulfur",
  "tranexamic-acid",
  "alpha-arbutin",
  "peptides",
  "caffeine",
  "uv-filters",
  "glycerin",
  "tea-tree",
  "pha",
  "squalane",
  "licorice",
  "allantoin",
] as const;
export type ActiveIngredient = (typeof ACTIVE_INGREDIENTS)[number];

export const STRENGTHS = ["gentle", "moderate", "strong"] as const;

export function shopeeSearchUrl(brand: string, name: string): string {
  return `https://shopee.com.my/search?keyword=${encodeURIComponent(`${brand} ${name}`)}`;
}

export function lazadaSearchUrl(brand: string, name: string): string {
  return `https://www.lazada.com.my/catalog/?q=${encodeURIComponent(`${brand} ${name}`)}`;
}
