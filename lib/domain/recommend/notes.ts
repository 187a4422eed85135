export const PATCH_TEST_NOTE =
  "Patch-test each new product on a small area (behind the ear or along the jaw) for 24–48 hours before using it on your face, and introduce one new product at a time.";
export const NOT_MEDICAL_ADVICE_NOTE =
  "This is not medical advice. Skinsight suggests cosmetic products; for painful, persistent or sudden skin changes, see a doctor or dermatologist.";
export const SURVEY_ONLY_NOTE =
  "These picks are based on your answers only. Add a photo to weigh them by your skin scores as well.";
export const PRICE_NOTE = "Prices are indicative, in RM, and vary between shops and sales.";

export function buildNotes(surveyOnly: boolean, pickCount: number): string[] {
  const notes = [PATCH_TEST_NOTE, NOT_MEDICAL_ADVICE_NOTE];
  if (surveyOnly) notes.push(SURVEY_ONLY_NOTE);
  if (pickCount > 0) notes.push(PRICE_NOTE);
  return notes;
}
