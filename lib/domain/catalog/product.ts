import { z } from "zod";
import { CONCERNS, SKIN_TYPES } from "../survey";

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

const httpsUrl = z.url({ protocol: /^https$/ });

export const productSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "Product ids are kebab-case."),
  brand: z.string().min(1),
  name: z.string().min(1),
  step: z.enum(ROUTINE_STEPS),
  keyActives: z.array(z.enum(ACTIVE_INGREDIENTS)),
  /** How strong the main active is; "strong" acids, retinoids and ≥5% benzoyl peroxide are filtered for sensitive skin. */
  strength: z.enum(STRENGTHS),
  /** Salicylic acid concentration in %, when present; >2% is not pregnancy-safe. */
  salicylicPercent: z.number().min(0).max(30).optional(),
  concerns: z.array(z.enum(CONCERNS)).min(1),
  skinTypes: z.array(z.enum(SKIN_TYPES)).min(1),
  fragranceFree: z.boolean(),
  sensitiveOk: z.boolean(),
  pregnancySafe: z.boolean(),
  priceRm: z.number().positive(),
  size: z.string().min(1),
  use: z.object({ am: z.boolean(), pm: z.boolean() }).refine((u) => u.am || u.pm, "A product is used AM, PM or both."),
  links: z.object({ shopee: httpsUrl, lazada: httpsUrl }),
});
export type Product = z.infer<typeof productSchema>;

export const catalogSchema = z.array(productSchema).min(1);

export function shopeeSearchUrl(brand: string, name: string): string {
  return `https://shopee.com.my/search?keyword=${encodeURIComponent(`${brand} ${name}`)}`;
}

export function lazadaSearchUrl(brand: string, name: string): string {
  return `https://www.lazada.com.my/catalog/?q=${encodeURIComponent(`${brand} ${name}`)}`;
}
