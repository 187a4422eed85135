import { message, type Message } from "../message";

export const PATCH_TEST_NOTE = message("recommend.note.patchTest");
export const NOT_MEDICAL_ADVICE_NOTE = message("recommend.note.notMedicalAdvice");
export const SURVEY_ONLY_NOTE = message("recommend.note.surveyOnly");
export const PRICE_NOTE = message("recommend.note.price");

export function buildNotes(surveyOnly: boolean, pickCount: number): Message[] {
  const notes = [PATCH_TEST_NOTE, NOT_MEDICAL_ADVICE_NOTE];
  if (surveyOnly) notes.push(SURVEY_ONLY_NOTE);
  if (pickCount > 0) notes.push(PRICE_NOTE);
  return notes;
}
