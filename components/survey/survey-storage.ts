import type { Survey } from "@/lib/domain/survey";
import { wizardSchema, STEP_COUNT, type WizardInput } from "./wizard-schema";

const KEY = "skinsight.survey-draft.v1";

export interface WizardDraft {
  values: Partial<WizardInput>;
  step: number;
  /** A retake: the failed analysis the new photo replaces, deleted once the new one is sent. */
  replaces?: string;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** Keeps only the answers that are still valid, so an old or tampered draft cannot break the form. */
export function parseDraft(raw: string | null): WizardDraft | null {
  if (!raw) return null;
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== "object" || data === null) return null;
    const record = data as { values?: Record<string, unknown>; step?: unknown; replaces?: unknown };
    const values: Partial<WizardInput> = {};
    const shape = wizardSchema.shape;
    for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
      const parsed = shape[key].safeParse(record.values?.[key]);
      if (parsed.success) Object.assign(values, { [key]: parsed.data });
    }
    const step = typeof record.step === "number" && Number.isInteger(record.step) ? record.step : 1;
    const draft: WizardDraft = { values, step: Math.min(Math.max(step, 1), STEP_COUNT) };
    if (typeof record.replaces === "string" && ID_PATTERN.test(record.replaces)) draft.replaces = record.replaces;
    return draft;
  } catch {
    return null;
  }
}

export function loadDraft(): WizardDraft | null {
  try {
    return parseDraft(window.sessionStorage.getItem(KEY));
  } catch {
    return null; // storage can be blocked (private mode, policy); the wizard still works without it
  }
}

export function saveDraft(draft: WizardDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // see loadDraft
  }
}

/** "Change your answers" on a result: the same answers, from the first step. */
export function saveEditDraft(survey: Survey): void {
  saveDraft({ values: { ...survey, consent: true }, step: 1 });
}

/** "Retake photo" on a failed analysis: same answers, straight to the selfie step, and the new check replaces it. */
export function saveRetakeDraft(survey: Survey, failedId: string): void {
  saveDraft({ values: { ...survey, consent: true }, step: STEP_COUNT, replaces: failedId });
}
