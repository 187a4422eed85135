import type { ActiveIngredient, Product } from "../catalog/product";
import { message, type Message } from "../message";
import type { Concern } from "../survey";

/**
 * Which concerns each active is known to help, in the order a reason prefers them. The words for each pair
 * ("niacinamide calms redness") are messages `recommend.effect.<active>.<concern>`.
 */
const EFFECTS: Partial<Record<ActiveIngredient, readonly Concern[]>> = {
  niacinamide: ["acne", "redness", "pigmentation", "pores", "oiliness", "dullness", "dryness"],
  bha: ["acne", "pores", "oiliness", "dullness"],
  aha: ["dullness", "pigmentation", "pores", "acne"],
  pha: ["dullness", "pores"],
  retinoid: ["fine-lines", "pigmentation", "dullness", "pores", "acne"],
  "benzoyl-peroxide": ["acne"],
  "vitamin-c": ["pigmentation", "dullness", "fine-lines"],
  "azelaic-acid": ["acne", "redness", "pigmentation", "dullness"],
  "tranexamic-acid": ["pigmentation", "dullness"],
  "alpha-arbutin": ["pigmentation", "dullness"],
  ceramides: ["dryness", "redness"],
  "hyaluronic-acid": ["dryness", "dullness", "fine-lines"],
  centella: ["redness", "acne", "dryness"],
  panthenol: ["dryness", "redness"],
  zinc: ["acne", "oiliness", "redness"],
  sulfur: ["acne"],
  peptides: ["fine-lines"],
  caffeine: ["dark-circles"],
  "uv-filters": ["pigmentation", "redness", "fine-lines", "dullness"],
  glycerin: ["dryness"],
  squalane: ["dryness"],
  "tea-tree": ["acne"],
  licorice: ["redness", "acne"],
  allantoin: ["redness", "dryness"],
};

/**
 * First-line actives per concern, as dermatology guidance ranks them (e.g. AAD acne guidelines 2024;
 * retinoids and sunscreen for photo-ageing). A product carrying one outranks one that only claims the concern.
 */
const FIRST_LINE: Record<Concern, readonly ActiveIngredient[]> = {
  acne: ["bha", "benzoyl-peroxide", "azelaic-acid", "retinoid"],
  redness: ["azelaic-acid", "niacinamide", "centella"],
  pigmentation: [
    "vitamin-c",
    "azelaic-acid",
    "tranexamic-acid",
    "alpha-arbutin",
    "retinoid",
    "niacinamide",
    "uv-filters",
  ],
  pores: ["bha", "niacinamide", "retinoid"],
  oiliness: ["niacinamide", "zinc", "bha"],
  dryness: ["ceramides", "hyaluronic-acid"],
  dullness: ["vitamin-c", "aha"],
  "fine-lines": ["retinoid", "uv-filters"],
  "dark-circles": ["caffeine"],
};

export function hasFirstLineActive(product: Pick<Product, "keyActives">, concern: Concern): boolean {
  return FIRST_LINE[concern].some((a) => product.keyActives.includes(a));
}

/** The known effect of one of the product's key actives on this concern, if any. */
export function activeEffect(product: Pick<Product, "keyActives">, concern: Concern): Message | null {
  for (const active of product.keyActives) {
    if (EFFECTS[active]?.includes(concern)) return message(`recommend.effect.${active}.${concern}`);
  }
  return null;
}

/** "niacinamide calms redness", or a plain statement of what the product is made for. */
export function explainFor(product: Product, concern: Concern): Message {
  return (
    activeEffect(product, concern) ??
    message("recommend.effect.madeFor", {
      step: message(`recommend.stepNoun.${product.step}`),
      concern: message(`recommend.concern.${concern}`),
    })
  );
}
