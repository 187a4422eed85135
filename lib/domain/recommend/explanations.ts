import type { ActiveIngredient, Product, RoutineStep } from "../catalog/product";
import { CONCERN_LABELS, type Concern } from "../survey";

type Explanations = Partial<Record<Concern, string>>;

/** What an active does for a concern, in words a person reads in a reason. */
const EXPLAIN: Partial<Record<ActiveIngredient, Explanations>> = {
  niacinamide: {
    acne: "niacinamide calms breakouts",
    redness: "niacinamide calms redness",
    pigmentation: "niacinamide fades dark spots",
    pores: "niacinamide helps refine pores",
    oiliness: "niacinamide helps regulate oil",
    dullness: "niacinamide evens and brightens tone",
    dryness: "niacinamide supports the skin barrier",
  },
  bha: {
    acne: "salicylic acid (BHA) clears clogged pores",
    pores: "salicylic acid (BHA) clears out pores",
    oiliness: "salicylic acid (BHA) cuts through excess oil",
    dullness: "BHA exfoliates for smoother, brighter skin",
  },
  aha: {
    dullness: "AHA exfoliates dull surface cells",
    pigmentation: "AHA helps fade dark spots",
    pores: "AHA smooths rough texture",
    acne: "AHA keeps dead skin from clogging pores",
  },
  pha: { dullness: "PHA exfoliates gently", pores: "PHA smooths texture gently" },
  retinoid: {
    "fine-lines": "retinoids are the best-studied ingredient for fine lines",
    pigmentation: "retinoids speed up the fading of dark spots",
    dullness: "retinoids renew dull skin",
    pores: "retinoids keep pores clear and refined",
    acne: "retinoids keep pores from clogging",
  },
  "benzoyl-peroxide": { acne: "benzoyl peroxide kills acne-causing bacteria" },
  "vitamin-c": {
    pigmentation: "vitamin C fades dark spots",
    dullness: "vitamin C brightens dull skin",
    "fine-lines": "vitamin C supports collagen",
  },
  "azelaic-acid": {
    acne: "azelaic acid clears breakouts",
    redness: "azelaic acid calms redness",
    pigmentation: "azelaic acid fades dark marks",
    dullness: "azelaic acid evens tone",
  },
  "tranexamic-acid": {
    pigmentation: "tranexamic acid fades stubborn dark spots",
    dullness: "tranexamic acid evens tone",
  },
  "alpha-arbutin": { pigmentation: "alpha-arbutin fades dark spots", dullness: "alpha-arbutin evens tone" },
  ceramides: { dryness: "ceramides repair the skin barrier", redness: "ceramides strengthen a reactive barrier" },
  "hyaluronic-acid": {
    dryness: "hyaluronic acid draws water into the skin",
    dullness: "hyaluronic acid plumps dull, dehydrated skin",
    "fine-lines": "hyaluronic acid plumps fine lines",
  },
  centella: {
    redness: "centella soothes redness",
    acne: "centella calms angry breakouts",
    dryness: "centella helps the barrier recover",
  },
  panthenol: { dryness: "panthenol soothes and hydrates", redness: "panthenol soothes irritation" },
  zinc: { acne: "zinc calms breakouts", oiliness: "zinc helps control oil", redness: "zinc soothes irritated skin" },
  sulfur: { acne: "sulfur dries out blemishes" },
  peptides: { "fine-lines": "peptides support firmer-looking skin" },
  caffeine: { "dark-circles": "caffeine reduces puffiness and the look of dark circles" },
  "uv-filters": {
    pigmentation: "daily UV protection stops dark spots from darkening",
    redness: "UV protection prevents sun-triggered redness",
    "fine-lines": "UV protection prevents photo-ageing, the main cause of fine lines",
    dullness: "UV protection keeps tone even",
  },
  glycerin: { dryness: "glycerin keeps skin hydrated" },
  squalane: { dryness: "squalane softens dry skin" },
  "tea-tree": { acne: "tea tree helps calm blemishes" },
  licorice: { redness: "licorice extract calms redness", acne: "licorice extract calms blemishes" },
  allantoin: { redness: "allantoin soothes irritation", dryness: "allantoin softens dry patches" },
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

const STEP_NOUN: Record<RoutineStep, string> = {
  cleanser: "cleanser",
  exfoliant: "toner",
  serum: "serum",
  "spot-treatment": "spot treatment",
  moisturiser: "moisturiser",
  sunscreen: "sunscreen",
  eye: "eye product",
};

/** The known effect of one of the product's key actives on this concern, if any. */
export function activeEffect(product: Pick<Product, "keyActives">, concern: Concern): string | null {
  for (const active of product.keyActives) {
    const phrase = EXPLAIN[active]?.[concern];
    if (phrase !== undefined) return phrase;
  }
  return null;
}

/** "niacinamide calms redness", or a plain statement of what the product is made for. */
export function explainFor(product: Product, concern: Concern): string {
  return (
    activeEffect(product, concern) ??
    `this ${STEP_NOUN[product.step]} is made for ${CONCERN_LABELS[concern].toLowerCase()}`
  );
}
