import { z } from "zod";
import {
  type KeepableStep,
  SKIN_TYPES,
  SENSITIVITIES,
  CONCERNS,
  GOALS,
  ACTIVES,
  FRAGRANCE_PREFERENCES,
  PREGNANCY_ANSWERS,
  BUDGETS,
  KEEPABLE_STEPS,
  MAX_CONCERNS,
  MAX_GOALS,
} from "./survey-options";

export * from "./survey-options";

const pick = (what: string) => ({ error: `Please choose ${what}.` });

export const surveySchema = z.object({
  skinType: z.enum(SKIN_TYPES, pick("your skin type")),
  concerns: z
    .array(z.enum(CONCERNS, pick("a concern from the list")), pick("at least one concern"))
    .min(1, "Please choose at least one concern.")
    .max(MAX_CONCERNS, "Please choose no more than four concerns, so we can focus on what matters most.")
    .refine((list) => new Set(list).size === list.length, "Each concern can only be chosen once."),
  goals: z
    .array(z.enum(GOALS, pick("a goal from the list")), pick("at least one goal"))
    .min(1, "Please choose at least one goal.")
    .max(MAX_GOALS, "Please choose no more than three goals.")
    .refine((list) => new Set(list).size === list.length, "Each goal can only be chosen once."),
  sensitivity: z.enum(SENSITIVITIES, pick("how sensitive your skin is")),
  // An empty list means "none of these".
  currentActives: z
    .array(z.enum(ACTIVES, pick("an active from the list")))
    .refine((list) => new Set(list).size === list.length, "Each active can only be chosen once."),
  fragrance: z.enum(FRAGRANCE_PREFERENCES, pick("whether fragrance is okay for you")),
  pregnancy: z.enum(PREGNANCY_ANSWERS, pick("an answer about pregnancy or breastfeeding")),
  budget: z.enum(BUDGETS, pick("a budget per product")),
  // Steps the person already has a product for and wants to keep. Optional: surveys stored before it existed
  // have none, which means the same as an empty list.
  keepUsing: z
    .array(z.enum(KEEPABLE_STEPS, pick("a step from the list")))
    .refine((list) => new Set(list).size === list.length, "Each step can only be chosen once.")
    .optional(),
});

export type Survey = z.infer<typeof surveySchema>;

/** Pregnancy filters apply unless the person has said they are not pregnant. */
export function needsPregnancySafe(survey: Pick<Survey, "pregnancy">): boolean {
  return survey.pregnancy !== "no";
}

/** The steps whose own product the person keeps; none when the survey predates the question. */
export function keptSteps(survey: Pick<Survey, "keepUsing">): readonly KeepableStep[] {
  return survey.keepUsing ?? [];
}
