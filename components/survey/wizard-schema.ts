import { z } from "zod";
import { surveySchema, type Survey } from "@/lib/domain/survey";

/** The survey plus the consent the wizard asks for; consent is not part of the stored Survey. */
export const wizardSchema = surveySchema.extend({
  consent: z.literal(true, { error: "Please confirm you agree before taking the photo." }),
});
export type WizardInput = z.input<typeof wizardSchema>;
export type WizardValues = z.output<typeof wizardSchema>;

/** Fields validated before leaving each step (index = step - 1); titles are messages survey.title.<step>. */
export const STEP_FIELDS: readonly (readonly (keyof WizardInput)[])[] = [
  ["skinType"],
  ["concerns", "goals"],
  ["sensitivity", "currentActives", "fragrance", "pregnancy"],
  ["budget", "keepUsing"],
  ["consent"],
  [],
];
export const STEP_COUNT = STEP_FIELDS.length;

export function toSurvey(values: WizardValues): Survey {
  // zod objects drop keys they do not know, so this leaves consent behind.
  return surveySchema.parse(values);
}
