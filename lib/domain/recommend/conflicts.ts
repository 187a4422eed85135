import type { ActiveIngredient, Product } from "../catalog/product";
import { message, type MessageValue } from "../message";
import type { Active } from "../survey";

/** Something on the face that carries actives: a product we pick, or an active the person already uses. */
export interface ActiveSource {
  /** A product's brand and name as sold, or "your current retinoid" as a message. */
  label: MessageValue;
  productId: string | null;
  actives: readonly ActiveIngredient[];
  /** Rinse-off cleansers spend seconds on the skin, so they take no part in layering conflicts. */
  leaveOn: boolean;
}

const EXFOLIATING: readonly ActiveIngredient[] = ["aha", "bha", "pha"];
const ACIDS: readonly ActiveIngredient[] = ["aha", "bha"];
/** Actives that make skin more sun-sensitive or are undone by UV, so they call for daily SPF. */
export const SUN_SENSITISING: readonly ActiveIngredient[] = ["retinoid", "aha", "bha", "vitamin-c"];

export const CONFLICT_CODES = [
  "RETINOID_WITH_ACIDS",
  "BENZOYL_PEROXIDE_WITH_RETINOID",
  "VITAMIN_C_WITH_ACIDS",
  "MULTIPLE_EXFOLIANTS",
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

interface PairRule {
  code: Exclude<ConflictCode, "MULTIPLE_EXFOLIANTS">;
  first: readonly ActiveIngredient[];
  second: readonly ActiveIngredient[];
}

const PAIR_RULES: readonly PairRule[] = [
  { code: "RETINOID_WITH_ACIDS", first: ["retinoid"], second: ACIDS },
  { code: "BENZOYL_PEROXIDE_WITH_RETINOID", first: ["benzoyl-peroxide"], second: ["retinoid"] },
  { code: "VITAMIN_C_WITH_ACIDS", first: ["vitamin-c"], second: ACIDS },
];

export interface Conflict {
  code: ConflictCode;
  sources: ActiveSource[];
}

const has = (source: ActiveSource, list: readonly ActiveIngredient[]) => list.some((a) => source.actives.includes(a));

export function isExfoliating(source: ActiveSource): boolean {
  return source.leaveOn && has(source, EXFOLIATING);
}

export function productSource(product: Product): ActiveSource {
  return {
    label: `${product.brand} ${product.name}`,
    productId: product.id,
    actives: product.keyActives,
    leaveOn: product.step !== "cleanser",
  };
}

export function currentActiveSources(actives: readonly Active[]): ActiveSource[] {
  return actives.map((active) => ({
    label: message("recommend.source.current", { active: message(`recommend.activeName.${active}`) }),
    productId: null,
    actives: [active],
    leaveOn: true,
  }));
}

/** Every conflict among the sources; each source is compared with the others, never with itself. */
export function findConflicts(sources: readonly ActiveSource[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const leaveOn = sources.filter((s) => s.leaveOn);
  for (const rule of PAIR_RULES) {
    const firsts = leaveOn.filter((s) => has(s, rule.first));
    const seconds = leaveOn.filter((s) => has(s, rule.second));
    const pairs = firsts.flatMap((a) => seconds.filter((b) => b !== a).map((b) => [a, b] as const));
    const first = pairs[0];
    if (first) conflicts.push({ code: rule.code, sources: [first[0], first[1]] });
  }
  const exfoliants = leaveOn.filter(isExfoliating);
  if (exfoliants.length > 1) conflicts.push({ code: "MULTIPLE_EXFOLIANTS", sources: exfoliants });
  return conflicts;
}

/** True when adding `candidate` to `others` creates a conflict that was not already there. */
export function addsConflict(candidate: ActiveSource, others: readonly ActiveSource[]): boolean {
  const before = new Set(findConflicts(others).map((c) => c.code));
  return findConflicts([...others, candidate]).some((c) => !before.has(c.code));
}
