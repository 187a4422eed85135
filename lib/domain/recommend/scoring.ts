import { inPriceBand } from "../catalog";
import { addsConflict, currentActiveSources, productSource, type ActiveSource } from "./conflicts";
import { activeEffect, hasFirstLineActive } from "./explanations";
import { matchedGoals, type ConcernSignal } from "./signals";
import type { Product, RoutineStep } from "../catalog/product";
import type { Concern, Survey } from "../survey";

/**
 * Treatments move the needle most, so equal relevance ranks a serum above a cleanser.
 * The eye step only earns its place when dark circles are in play (see stepFactor).
 */
const STEP_FACTOR: Record<RoutineStep, number> = {
  serum: 1,
  "spot-treatment": 0.9,
  moisturiser: 0.85,
  exfoliant: 0.8,
  sunscreen: 0.75,
  cleanser: 0.7,
  eye: 1,
};

const GOAL_WEIGHT = 2;
/** A concern the product claims without a key active known to act on it counts for less. */
const CLAIM_ONLY_FACTOR = 0.6;
const FIRST_LINE_FACTOR = 1.3;

function evidence(product: Product, concern: Concern): number {
  if (hasFirstLineActive(product, concern)) return FIRST_LINE_FACTOR;
  return activeEffect(product, concern) === null ? CLAIM_ONLY_FACTOR : 1;
}
const SKIN_TYPE_BONUS = 1;
const SENSITIVE_BONUS = 1;
const BAND_BONUS = 0.5;
const CONFLICT_PENALTY = 4;
const DUPLICATE_ACTIVE_PENALTY = 2;
const STRONG_FOR_MEDIUM_PENALTY = 1;
/**
 * Products within this many points of each other are near-equals; a fixed per-person offset of up to this much
 * rotates among them, so people with different answers do not all get the same few products (issue 12 measured
 * 37% of picks going to five products). It is a hash of the answers, so the same person always gets the same picks.
 */
const VARIETY_MARGIN = 0.75;

/** FNV-1a: a stable 32-bit hash, mapped to [0, 1). */
function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

function surveyKey(survey: Survey): string {
  const sorted = (list: readonly string[]) => [...list].sort().join("+");
  return [
    survey.skinType,
    survey.sensitivity,
    survey.fragrance,
    survey.pregnancy,
    survey.budget,
    sorted(survey.concerns),
    sorted(survey.goals),
    sorted(survey.currentActives),
    // Only when answered, so surveys without kept steps rotate exactly as before the question existed.
    ...(survey.keepUsing?.length ? [sorted(survey.keepUsing)] : []),
  ].join("|");
}

export interface ScoringContext {
  survey: Survey;
  signals: Map<Concern, ConcernSignal>;
  current: ActiveSource[];
  /** The answers as a stable string, the seed of the variety offset. */
  key: string;
}

/**
 * What a warning would say against a product for this person. Any flag is a reason to pick another product
 * where one exists, so nothing is recommended and then warned against (issue 12).
 */
export type SoftFlag = "fragrance" | "strong" | "current-conflict";

export interface ScoredProduct {
  product: Product;
  /** How much the product speaks to the person's concerns and goals, before bonuses. */
  relevance: number;
  score: number;
  flags: SoftFlag[];
}

/** The same conditions buildWarnings uses for FRAGRANCE, SENSITIVITY_STRONG_PICK and the conflict warnings. */
export function softFlags(product: Product, survey: Survey, current: readonly ActiveSource[]): SoftFlag[] {
  const flags: SoftFlag[] = [];
  if (survey.sensitivity !== "low" && !product.fragranceFree) flags.push("fragrance");
  if (survey.sensitivity === "medium" && product.strength === "strong") flags.push("strong");
  if (addsConflict(productSource(product), current)) flags.push("current-conflict");
  return flags;
}

export function scoringContext(survey: Survey, signals: Map<Concern, ConcernSignal>): ScoringContext {
  return { survey, signals, current: currentActiveSources(survey.currentActives), key: surveyKey(survey) };
}

function stepFactor(step: RoutineStep, signals: Map<Concern, ConcernSignal>): number {
  if (step === "eye" && !signals.has("dark-circles")) return 0.4;
  return STEP_FACTOR[step];
}

export function scoreProduct(product: Product, ctx: ScoringContext): ScoredProduct {
  const { survey, signals } = ctx;
  const concernPart = product.concerns.reduce(
    (sum, c) => sum + (signals.get(c)?.weight ?? 0) * evidence(product, c),
    0,
  );
  const relevance = concernPart + matchedGoals(product, survey.goals).length * GOAL_WEIGHT;
  let score = relevance * stepFactor(product.step, signals);
  // A product made for a narrower set of skin types, including theirs, fits better than a generalist.
  if (product.skinTypes.length < 4 && product.skinTypes.includes(survey.skinType)) score += SKIN_TYPE_BONUS;
  if (survey.sensitivity !== "low" && product.sensitiveOk) score += SENSITIVE_BONUS;
  if (survey.sensitivity === "medium" && product.strength === "strong") score -= STRONG_FOR_MEDIUM_PENALTY;
  if (inPriceBand(product, survey.budget)) score += BAND_BONUS;
  const source = productSource(product);
  if (addsConflict(source, ctx.current)) score -= CONFLICT_PENALTY;
  const duplicates = survey.currentActives.some(
    (a) => ["retinoid", "aha", "bha", "benzoyl-peroxide", "vitamin-c"].includes(a) && product.keyActives.includes(a),
  );
  if (duplicates) score -= DUPLICATE_ACTIVE_PENALTY;
  score += hashUnit(`${ctx.key}:${product.id}`) * VARIETY_MARGIN;
  return {
    product,
    relevance,
    score: Math.round(score * 1000) / 1000,
    flags: softFlags(product, survey, ctx.current),
  };
}

/** Best first; ties broken by id so the order never depends on the catalog's order. */
export function compareScored(a: ScoredProduct, b: ScoredProduct): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.product.id === b.product.id) return 0;
  return a.product.id < b.product.id ? -1 : 1;
}

export function rankProducts(products: readonly Product[], ctx: ScoringContext): ScoredProduct[] {
  return products.map((p) => scoreProduct(p, ctx)).sort(compareScored);
}
