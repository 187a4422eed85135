import { inPriceBand, ROUTINE_STEP_LABELS, type Product } from "../catalog";
import { ACTIVE_LABELS, SKIN_TYPE_LABELS, type Survey } from "../survey";
import { failedFilters } from "./filters";
import { isRelevant } from "./order";
import type { HardFilter } from "./recommendation";
import type { ScoredProduct, SoftFlag } from "./scoring";
import { stepGroup } from "./select";

const BAND_WORDS: Record<Survey["budget"], string> = {
  "under-50": "under RM50",
  "50-150": "RM50–150",
  "over-150": "over RM150",
};

function filterWords(filter: Exclude<HardFilter, "budget">, survey: Survey): string {
  switch (filter) {
    case "fragrance":
      return "is fragrance-free";
    case "sensitivity":
      return "is gentle enough for skin that often reacts";
    case "pregnancy":
      return "is pregnancy-safe";
    case "skin-type":
      return `suits ${SKIN_TYPE_LABELS[survey.skinType].replace(/ \(.*\)$/, "").toLowerCase()} skin`;
  }
}

function flagWords(flag: SoftFlag, survey: Survey): string {
  switch (flag) {
    case "fragrance":
      return "contain fragrance, which can irritate sensitive skin";
    case "strong":
      return "are strong for skin that sometimes stings";
    case "current-conflict": {
      const used = survey.currentActives.map((a) => ACTIVE_LABELS[a].replace(/ \(.*\)$/, "").toLowerCase());
      return `clash with the ${used.join(" or ")} you already use`;
    }
  }
}

const join = (words: readonly string[], last: string) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${last} ${words.at(-1)}`;

/**
 * Why a pick sits outside the person's budget band, in words for its card. The budget filter only caps the
 * price, so such a pick is always cheaper than the band; the note says what the band lacked at this step.
 */
export function budgetNoteFor(
  pick: Product,
  survey: Survey,
  products: readonly Product[],
  eligible: readonly ScoredProduct[],
): string | undefined {
  if (inPriceBand(pick, survey.budget)) return undefined;
  const band = BAND_WORDS[survey.budget];
  const sameStep = (p: Product) => stepGroup(p.step) === stepGroup(pick.step);
  const lead = `Priced below your budget band (${band}):`;
  const stepName = ROUTINE_STEP_LABELS[pick.step].toLowerCase();
  const inBand = products.filter((p) => sameStep(p) && inPriceBand(p, survey.budget));
  if (inBand.length === 0) return `${lead} our catalogue has no ${stepName} in that band.`;
  const fitting = eligible.filter((s) => sameStep(s.product) && inPriceBand(s.product, survey.budget));
  if (fitting.length === 0) {
    const failed = [...new Set(inBand.flatMap((p) => failedFilters(p, survey)))].filter((f) => f !== "budget");
    return `${lead} nothing in that band at this step ${join(
      failed.map((f) => filterWords(f, survey)),
      "and",
    )}.`;
  }
  const unflagged = fitting.filter((s) => s.flags.length === 0);
  if (unflagged.length === 0) {
    const flags = [...new Set(fitting.flatMap((s) => s.flags))];
    return `${lead} the products in that band at this step ${join(
      flags.map((f) => flagWords(f, survey)),
      "or",
    )}.`;
  }
  if (!unflagged.some(isRelevant)) {
    return `${lead} nothing in that band at this step targets your concerns or goals.`;
  }
  return `${lead} the products in that band at this step repeat a brand or an active of your other picks, or clash with them.`;
}
