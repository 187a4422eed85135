// The survey's options and labels without zod, so client pages that only show them do not ship the schema library.

export const SKIN_TYPES = ["normal", "oily", "dry", "combination"] as const;
export const SENSITIVITIES = ["low", "medium", "high"] as const;
export const CONCERNS = [
  "acne",
  "redness",
  "pigmentation",
  "pores",
  "oiliness",
  "dryness",
  "dullness",
  "fine-lines",
  "dark-circles",
] as const;
export const GOALS = [
  "clear-breakouts",
  "even-tone",
  "barrier-repair",
  "refine-pores",
  "hydration",
  "anti-ageing",
] as const;
export const ACTIVES = [
  "retinoid",
  "aha",
  "bha",
  "benzoyl-peroxide",
  "vitamin-c",
  "azelaic-acid",
  "niacinamide",
] as const;
export const FRAGRANCE_PREFERENCES = ["ok", "avoid"] as const;
export const PREGNANCY_ANSWERS = ["yes", "no", "prefer-not-to-say"] as const;
export const BUDGETS = ["under-50", "50-150", "over-150"] as const;
/** Basic routine steps a person may already have a product for and like; the routine keeps theirs. */
export const KEEPABLE_STEPS = ["cleanser", "moisturiser", "sunscreen"] as const;

export type SkinType = (typeof SKIN_TYPES)[number];
export type Sensitivity = (typeof SENSITIVITIES)[number];
export type Concern = (typeof CONCERNS)[number];
export type Goal = (typeof GOALS)[number];
export type Active = (typeof ACTIVES)[number];
export type Budget = (typeof BUDGETS)[number];
export type KeepableStep = (typeof KEEPABLE_STEPS)[number];

export const SKIN_TYPE_LABELS: Record<SkinType, string> = {
  normal: "Normal",
  oily: "Oily",
  dry: "Dry",
  combination: "Combination (oily T-zone, drier cheeks)",
};

export const SENSITIVITY_LABELS: Record<Sensitivity, string> = {
  low: "Rarely reacts",
  medium: "Sometimes stings or reddens",
  high: "Often reacts to new products",
};

export const CONCERN_LABELS: Record<Concern, string> = {
  acne: "Acne and breakouts",
  redness: "Redness",
  pigmentation: "Dark spots and pigmentation",
  pores: "Visible pores",
  oiliness: "Oiliness and shine",
  dryness: "Dryness and tightness",
  dullness: "Dullness",
  "fine-lines": "Fine lines",
  "dark-circles": "Dark circles",
};

export const GOAL_LABELS: Record<Goal, string> = {
  "clear-breakouts": "Clear breakouts",
  "even-tone": "Even tone and brightening",
  "barrier-repair": "Barrier repair and soothing",
  "refine-pores": "Refine pores",
  hydration: "Hydration",
  "anti-ageing": "Anti-ageing",
};

export const ACTIVE_LABELS: Record<Active, string> = {
  retinoid: "Retinoid (retinol, adapalene, tretinoin)",
  aha: "AHA (glycolic, lactic, mandelic acid)",
  bha: "BHA (salicylic acid)",
  "benzoyl-peroxide": "Benzoyl peroxide",
  "vitamin-c": "Vitamin C",
  "azelaic-acid": "Azelaic acid",
  niacinamide: "Niacinamide",
};

export const FRAGRANCE_LABELS: Record<(typeof FRAGRANCE_PREFERENCES)[number], string> = {
  ok: "Fragrance is fine",
  avoid: "Avoid fragrance",
};

export const PREGNANCY_LABELS: Record<(typeof PREGNANCY_ANSWERS)[number], string> = {
  yes: "Yes",
  no: "No",
  "prefer-not-to-say": "Prefer not to say",
};

export const BUDGET_LABELS: Record<Budget, string> = {
  "under-50": "Under RM50 per product",
  "50-150": "RM50–150 per product",
  "over-150": "Over RM150 per product",
};

/** Inclusive RM price range for each budget band. */
export const BUDGET_RANGES: Record<Budget, { min: number; max: number }> = {
  "under-50": { min: 0, max: 49.99 },
  "50-150": { min: 50, max: 150 },
  "over-150": { min: 150.01, max: Number.POSITIVE_INFINITY },
};

/** The most concerns and goals one check can focus on; the wizard stops a tick beyond these. */
export const MAX_CONCERNS = 4;
export const MAX_GOALS = 3;

/**
 * The "keep using yours" wording as message keys (lib/i18n/messages/<locale>/*.json): the wizard's question and
 * its options, the routine step that keeps the person's own product ({step} is a `recommend.stepNoun` message),
 * and the answers row on the results page.
 */
export const KEEP_USING_KEYS = {
  legend: "survey.q.keepUsing",
  hint: "survey.q.keepUsingHint",
  option: (step: KeepableStep) => `labels.keepUsing.${step}`,
  routineLine: "recommend.routine.keepYours",
  answerLabel: "results.answers.keepUsing",
  none: "labels.none",
} as const;
