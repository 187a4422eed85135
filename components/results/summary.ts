import { listOf, message, type Message, type MessageValue } from "@/lib/domain/message";
import type { Recommendation } from "@/lib/domain/recommend/recommendation";
import { KEEP_USING_KEYS, type Survey } from "@/lib/domain/survey";

const label = (group: string, value: string) => message(`labels.${group}.${value}`);

/** One or two sentences a phone shows before anything else: who the picks are for and what they are. */
export function summariseResults(survey: Survey, recommendation: Recommendation): Message[] {
  const count = recommendation.picks.length;
  const what =
    count === 0
      ? message("results.summary.noPicks")
      : message("results.summary.picks", {
          count,
          steps: listOf(recommendation.picks.map((p) => message(`recommend.stepNoun.${p.step}`))),
        });
  const summary = message("results.summary.text", {
    skinType: message(`recommend.skinType.${survey.skinType}`),
    // Short names: "acne and breakouts" in a list joined by "and" read "acne and breakouts and redness".
    concerns: listOf(survey.concerns.map((c) => message(`results.summary.concern.${c}`))),
    budget: label("budgetShort", survey.budget),
    what,
  });
  const below = recommendation.picks.filter((p) => p.budgetNote).length;
  return below > 0 ? [summary, message("results.summary.below", { count: below })] : [summary];
}

/** The answers behind the picks, as label and value rows. */
export function answerRows(survey: Survey): { label: Message; value: MessageValue }[] {
  const row = (name: string, value: MessageValue) => ({ label: message(`results.answers.${name}`), value });
  return [
    row("skinType", label("skinTypeShort", survey.skinType)),
    row("concerns", listOf(survey.concerns.map((c) => label("concern", c)))),
    row("goals", listOf(survey.goals.map((g) => label("goal", g)))),
    row("sensitivity", label("sensitivity", survey.sensitivity)),
    row(
      "actives",
      survey.currentActives.length === 0
        ? message("labels.none")
        : listOf(survey.currentActives.map((a) => label("activeShort", a))),
    ),
    row("fragrance", label("fragrance", survey.fragrance)),
    row("pregnancy", label("pregnancy", survey.pregnancy)),
    row("budget", label("budget", survey.budget)),
    {
      label: message(KEEP_USING_KEYS.answerLabel),
      value: survey.keepUsing?.length
        ? listOf(survey.keepUsing.map((step) => message(KEEP_USING_KEYS.option(step))))
        : message(KEEP_USING_KEYS.none),
    },
  ];
}
