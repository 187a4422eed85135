import { inPriceBand, type Product } from "../catalog";
import { listOf, message, type Message } from "../message";
import { failedFilters } from "./filters";
import { isRelevant } from "./order";
import { stepGroup } from "./select";
import type { Survey } from "../survey";
import type { HardFilter } from "./recommendation";
import type { ScoredProduct, SoftFlag } from "./scoring";

const filterWords = (filter: Exclude<HardFilter, "budget">, survey: Survey): Message =>
  filter === "skin-type"
    ? message("recommend.budget.filter.skin-type", { skinType: message(`recommend.skinType.${survey.skinType}`) })
    : message(`recommend.budget.filter.${filter}`);

const flagWords = (flag: SoftFlag, survey: Survey): Message =>
  flag === "current-conflict"
    ? message("recommend.budget.flag.current-conflict", {
        actives: listOf(
          survey.currentActives.map((a) => message(`recommend.activeName.${a}`)),
          "or",
        ),
      })
    : message(`recommend.budget.flag.${flag}`);

/**
 * Why a pick sits outside the person's budget band, in words for its card. The budget filter only caps the
 * price, so such a pick is always cheaper than the band; the note says what the band lacked at this step.
 */
export function budgetNoteFor(
  pick: Product,
  survey: Survey,
  products: readonly Product[],
  eligible: readonly ScoredProduct[],
): Message | undefined {
  if (inPriceBand(pick, survey.budget)) return undefined;
  const sameStep = (p: Product) => stepGroup(p.step) === stepGroup(pick.step);
  // Every note opens with "Priced below your budget band (RM50–150):" and then says why.
  const note = (why: string, params?: Message["params"]) =>
    message(`recommend.budget.${why}`, { band: message(`recommend.budget.band.${survey.budget}`), ...params });
  const inBand = products.filter((p) => sameStep(p) && inPriceBand(p, survey.budget));
  if (inBand.length === 0) return note("noneInBand", { step: message(`recommend.stepNoun.${pick.step}`) });
  const fitting = eligible.filter((s) => sameStep(s.product) && inPriceBand(s.product, survey.budget));
  if (fitting.length === 0) {
    const failed = [...new Set(inBand.flatMap((p) => failedFilters(p, survey)))].filter((f) => f !== "budget");
    return note("noneFits", { filters: listOf(failed.map((f) => filterWords(f, survey))) });
  }
  const unflagged = fitting.filter((s) => s.flags.length === 0);
  if (unflagged.length === 0) {
    const flags = [...new Set(fitting.flatMap((s) => s.flags))];
    return note("allFlagged", {
      flags: listOf(
        flags.map((f) => flagWords(f, survey)),
        "or",
      ),
    });
  }
  if (!unflagged.some(isRelevant)) {
    return note("noneRelevant");
  }
  return note("repeats");
}
