import { ROUTINE_ORDER, type Product, type RoutineStep } from "../catalog/product";
import { message, type MessageValue } from "../message";
import { KEEP_USING_KEYS, type KeepableStep } from "../survey";
import { addsConflict, productSource, type ActiveSource } from "./conflicts";
import type { ScoredProduct } from "./scoring";

export interface RoutineItem {
  step: RoutineStep;
  productId: string | null;
  /** The product's brand and name as sold, or a message when no catalogue product fits the step. */
  label: MessageValue;
}

/** When and how often a pick is used: sunscreen by day only, retinoids by night only (light degrades them). */
export function usageOf(product: Product): { am: boolean; pm: boolean } {
  if (product.step === "sunscreen") return { am: true, pm: false };
  if (product.keyActives.includes("retinoid")) return { am: false, pm: true };
  return { am: product.use.am, pm: product.use.pm };
}

type Time = "am" | "pm";
const BASICS: Record<Time, readonly RoutineStep[]> = {
  am: ["cleanser", "moisturiser", "sunscreen"],
  pm: ["cleanser", "moisturiser"],
};

function byOrder(a: RoutineItem, b: RoutineItem): number {
  const ida = a.productId ?? "";
  const idb = b.productId ?? "";
  return ROUTINE_ORDER[a.step] - ROUTINE_ORDER[b.step] || (ida === idb ? 0 : ida < idb ? -1 : 1);
}

/**
 * The catalogue product that completes a basic step the picks leave open: the first in preference order
 * (no warning, in band, best score) that is used at this time and adds no conflict to the rest of the face.
 * Null only when nothing in the catalogue passes the person's hard filters at this step.
 */
function basicFor(
  step: RoutineStep,
  time: Time,
  candidates: readonly ScoredProduct[],
  onFace: readonly ActiveSource[],
): Product | null {
  const fits = (s: ScoredProduct) => s.product.step === step && usageOf(s.product)[time];
  const clean = candidates.find((s) => fits(s) && !addsConflict(productSource(s.product), onFace));
  return (clean ?? candidates.find(fits))?.product ?? null;
}

export interface Routine {
  am: RoutineItem[];
  pm: RoutineItem[];
  /** Catalogue products added to complete the routine, beyond the three picks. */
  basics: Product[];
}

const isKept = (step: RoutineStep, kept: readonly KeepableStep[]): step is KeepableStep => kept.some((k) => k === step);

/**
 * AM and PM lists in application order: the picks, plus for each basic step every routine needs (cleanser,
 * moisturiser, and sunscreen by day) the person's own product when they keep one, else a catalogue product,
 * so no step is a generic placeholder.
 */
export function buildRoutine(
  picks: readonly Product[],
  candidates: readonly ScoredProduct[],
  current: readonly ActiveSource[],
  kept: readonly KeepableStep[] = [],
): Routine {
  const basics: Product[] = [];
  const pickSources = picks.map(productSource);
  const build = (time: Time): RoutineItem[] => {
    const items: RoutineItem[] = picks
      .filter((p) => usageOf(p)[time])
      .map((p) => ({
        step: p.step,
        productId: p.id,
        label: `${p.brand} ${p.name}`,
      }));
    for (const step of BASICS[time]) {
      if (items.some((i) => i.step === step)) continue;
      if (isKept(step, kept)) {
        items.push({
          step,
          productId: null,
          label: message(KEEP_USING_KEYS.routineLine, { step: message(`recommend.stepNoun.${step}`) }),
        });
        continue;
      }
      const reused = basics.find((b) => b.step === step && usageOf(b)[time]);
      const onFace = [...current, ...pickSources, ...basics.map(productSource)];
      const product = reused ?? basicFor(step, time, candidates, onFace);
      if (product !== null && reused === undefined) basics.push(product);
      items.push(
        product === null
          ? {
              step,
              productId: null,
              label: message("recommend.routine.keepYourOwn", { step: message(`recommend.stepNoun.${step}`) }),
            }
          : {
              step,
              productId: product.id,
              label: `${product.brand} ${product.name}`,
            },
      );
    }
    return items.sort(byOrder);
  };
  const am = build("am");
  const pm = build("pm");
  return { am, pm, basics };
}
