import type { Recommendation } from "@/lib/domain/recommend/recommendation";
import {
  ACTIVE_LABELS,
  BUDGET_LABELS,
  CONCERN_LABELS,
  FRAGRANCE_LABELS,
  GOAL_LABELS,
  KEEP_USING_TEXT,
  PREGNANCY_LABELS,
  SENSITIVITY_LABELS,
  SKIN_TYPE_LABELS,
  type Survey,
} from "@/lib/domain/survey";

const short = (label: string) => label.replace(/ \(.*\)$/, "");
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** One or two sentences a phone shows before anything else: who the picks are for and what they are. */
export function summariseResults(survey: Survey, recommendation: Recommendation): string {
  const concerns = list(survey.concerns.map((c) => CONCERN_LABELS[c].toLowerCase()));
  const budget = BUDGET_LABELS[survey.budget].replace(" per product", "");
  const count = recommendation.picks.length;
  const steps = list(recommendation.picks.map((p) => p.step.replace("-", " ")));
  const what = count === 0 ? "No product fits everything you told us" : `${count === 3 ? "Three" : count} picks (${steps})`;
  const below = recommendation.picks.filter((p) => p.budgetNote).length;
  const note = below > 0 ? ` ${below === 1 ? "One is" : `${below} are`} priced below your band; the card says why.` : "";
  return `For ${short(SKIN_TYPE_LABELS[survey.skinType]).toLowerCase()} skin and ${concerns}, ${budget}: ${what}, with a morning and evening routine.${note}`;
}

/** The answers behind the picks, as label and value rows. */
export function answerRows(survey: Survey): { label: string; value: string }[] {
  return [
    { label: "Skin type", value: short(SKIN_TYPE_LABELS[survey.skinType]) },
    { label: "Concerns", value: list(survey.concerns.map((c) => CONCERN_LABELS[c])) },
    { label: "Goals", value: list(survey.goals.map((g) => GOAL_LABELS[g])) },
    { label: "Sensitivity", value: SENSITIVITY_LABELS[survey.sensitivity] },
    {
      label: "Already using",
      value: survey.currentActives.length === 0 ? "None" : list(survey.currentActives.map((a) => short(ACTIVE_LABELS[a]))),
    },
    { label: "Fragrance", value: FRAGRANCE_LABELS[survey.fragrance] },
    { label: "Pregnant or breastfeeding", value: PREGNANCY_LABELS[survey.pregnancy] },
    { label: "Budget", value: BUDGET_LABELS[survey.budget] },
    {
      label: KEEP_USING_TEXT.answerLabel,
      value: survey.keepUsing?.length
        ? list(survey.keepUsing.map((s) => KEEP_USING_TEXT.options[s]))
        : KEEP_USING_TEXT.none,
    },
  ];
}
