import type { Survey } from "../../domain/survey";

/** Shared by the contract suite, the local-cloud tests and the bench (which cannot import vitest). */
export const CONTRACT_SURVEY: Survey = {
  skinType: "combination",
  concerns: ["acne", "redness"],
  goals: ["clear-breakouts"],
  sensitivity: "medium",
  currentActives: ["retinoid"],
  fragrance: "avoid",
  pregnancy: "no",
  budget: "50-150",
};

let counter = 0;
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${counter++}@example.com`;
