import { z } from "zod";
import { surveySchema, type Survey } from "@/lib/domain/survey";

/** The survey plus the consent the wizard asks for; consent is not part of the stored Survey. */
export const wizardSchema = surveySchema.extend({
  consent: z.literal(true, { error: "Please confirm you agree before taking the photo." }),
});
export type WizardInput = z.input<typeof wizardSchema>;
export type WizardValues = z.output<typeof wizardSchema>;

export const STEP_TITLES = [
  "Your skin type",
  "Concerns and goals",
  "Sensitivity and what you use",
  "Your budget",
  "About your photo",
  "Take your selfie",
] as const;
export const STEP_COUNT = STEP_TITLES.length;

/** Fields validated before leaving each step (index = step - 1). */
export const STEP_FIELDS: readonly (readonly (keyof WizardInput)[])[] = [
  ["skinType"],
  ["concerns", "goals"],
  ["sensitivity", "currentActives", "fragrance", "pregnancy"],
  ["budget", "keepUsing"],
  ["consent"],
  [],
];

export function toSurvey(values: WizardValues): Survey {
  // zod objects drop keys they do not know, so this leaves consent behind.
  return surveySchema.parse(values);
}
