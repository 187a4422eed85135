import { ROUTINE_ORDER, type Product, type RoutineStep } from "../catalog/product";
import type { Survey } from "../survey";
import type { Pick } from "./recommendation";

export interface RoutineItem {
  step: RoutineStep;
  productId: string | null;
  label: string;
}

/** When and how often a pick is used: sunscreen by day only, retinoids by night only (light degrades them). */
export function usageOf(product: Product): { am: boolean; pm: boolean } {
  if (product.step === "sunscreen") return { am: true, pm: false };
  if (product.keyActives.includes("retinoid")) return { am: false, pm: true };
  return { am: product.use.am, pm: product.use.pm };
}

function genericLabel(step: "cleanser" | "moisturiser" | "sunscreen", survey: Survey): string {
  const ff = survey.fragrance === "avoid" ? "fragrance-free " : "";
  switch (step) {
    case "cleanser":
      return `Gentle ${ff}cleanser (any)`;
    case "moisturiser":
      return `${ff === "" ? "Moisturiser" : "Fragrance-free moisturiser"} for ${survey.skinType} skin (any)`;
    case "sunscreen":
      return `Broad-spectrum SPF 30+ ${ff}sunscreen (any)`;
  }
}

function byOrder(a: RoutineItem, b: RoutineItem): number {
  const ida = a.productId ?? "";
  const idb = b.productId ?? "";
  return ROUTINE_ORDER[a.step] - ROUTINE_ORDER[b.step] || (ida === idb ? 0 : ida < idb ? -1 : 1);
}

function buildTime(picks: readonly Pick[], survey: Survey, time: "am" | "pm"): RoutineItem[] {
  const used = picks.filter((p) => p[time]);
  const items: RoutineItem[] = used.map((p) => ({
    step: p.step,
    productId: p.productId,
    label: `${p.brand} ${p.name}`,
  }));
  const basics: ("cleanser" | "moisturiser" | "sunscreen")[] =
    time === "am" ? ["cleanser", "moisturiser", "sunscreen"] : ["cleanser", "moisturiser"];
  for (const step of basics) {
    if (!items.some((i) => i.step === step)) items.push({ step, productId: null, label: genericLabel(step, survey) });
  }
  return items.sort(byOrder);
}

/** AM and PM lists in application order: the picks, plus the basics every routine needs. */
export function buildRoutine(picks: readonly Pick[], survey: Survey): { am: RoutineItem[]; pm: RoutineItem[] } {
  return { am: buildTime(picks, survey, "am"), pm: buildTime(picks, survey, "pm") };
}
