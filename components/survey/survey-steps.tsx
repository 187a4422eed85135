"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Controller, type Control, type FieldErrors } from "react-hook-form";
import {
  ACTIVES,
  BUDGETS,
  CONCERNS,
  FRAGRANCE_PREFERENCES,
  GOALS,
  KEEP_USING_KEYS,
  KEEPABLE_STEPS,
  MAX_CONCERNS,
  MAX_GOALS,
  PREGNANCY_ANSWERS,
  SENSITIVITIES,
  SKIN_TYPES,
} from "@/lib/domain/survey-options";
import { ChoiceGroup, detailedOptions, labelledOptions } from "./choice-group";
import type { WizardInput } from "./wizard-schema";

interface StepProps {
  control: Control<WizardInput>;
  errors: FieldErrors<WizardInput>;
}

type ChoiceField = Exclude<keyof WizardInput, "consent">;

function Choice(props: {
  control: Control<WizardInput>;
  errors: FieldErrors<WizardInput>;
  name: ChoiceField;
  legend: string;
  hint?: string;
  type: "radio" | "checkbox";
  options: { value: string; label: string }[];
  columns?: 1 | 2 | "row" | "phone2";
  max?: number;
  limitMessage?: string;
}) {
  const { control, errors, name, ...rest } = props;
  const t = useTranslations("survey.error");
  // The schema's English messages are for the API; the person reads the field's own message in their language.
  // Array fields report their error either on the field or, for refinements, on `root`.
  const fieldError = errors[name] as { message?: string; root?: { message?: string } } | undefined;
  const message = fieldError?.message || fieldError?.root?.message ? t(name) : undefined;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ChoiceGroup
          {...rest}
          name={field.name}
          value={field.value as string | string[] | undefined}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          error={message}
        />
      )}
    />
  );
}

/** The option labels of one survey question in the person's language (messages labels.<group>.<value>). */
function useLabels() {
  const t = useTranslations("labels");
  return <T extends string>(group: string, values: readonly T[]) =>
    Object.fromEntries(values.map((v): [T, string] => [v, t(`${group}.${String(v)}`)])) as Record<T, string>;
}

export function SkinTypeStep(props: StepProps) {
  const t = useTranslations("survey.q");
  const labels = useLabels();
  return (
    <Choice
      {...props}
      name="skinType"
      type="radio"
      legend={t("skinType")}
      options={labelledOptions(SKIN_TYPES, labels("skinType", SKIN_TYPES))}
    />
  );
}

export function ConcernsStep(props: StepProps) {
  const t = useTranslations("survey.q");
  const labels = useLabels();
  return (
    <div className="flex flex-col gap-8">
      <Choice
        {...props}
        name="concerns"
        type="checkbox"
        legend={t("concerns")}
        hint={t("concernsHint")}
        max={MAX_CONCERNS}
        limitMessage={t("concernsLimit")}
        options={labelledOptions(CONCERNS, labels("concern", CONCERNS))}
      />
      <Choice
        {...props}
        name="goals"
        type="checkbox"
        legend={t("goals")}
        hint={t("goalsHint")}
        max={MAX_GOALS}
        limitMessage={t("goalsLimit")}
        options={labelledOptions(GOALS, labels("goal", GOALS))}
      />
    </div>
  );
}

export function SensitivityStep(props: StepProps) {
  const t = useTranslations("survey.q");
  const labels = useLabels();
  return (
    <div className="flex flex-col gap-6">
      <Choice
        {...props}
        name="sensitivity"
        type="radio"
        legend={t("sensitivity")}
        options={labelledOptions(SENSITIVITIES, labels("sensitivity", SENSITIVITIES))}
        columns={1}
      />
      <Choice
        {...props}
        name="currentActives"
        type="checkbox"
        legend={t("currentActives")}
        hint={t("currentActivesHint")}
        options={detailedOptions(ACTIVES, labels("active", ACTIVES))}
        columns="phone2"
      />
      <Choice
        {...props}
        name="fragrance"
        type="radio"
        legend={t("fragrance")}
        options={labelledOptions(FRAGRANCE_PREFERENCES, labels("fragrance", FRAGRANCE_PREFERENCES))}
        columns="row"
      />
      <Choice
        {...props}
        name="pregnancy"
        type="radio"
        legend={t("pregnancy")}
        hint={t("pregnancyHint")}
        options={labelledOptions(PREGNANCY_ANSWERS, labels("pregnancy", PREGNANCY_ANSWERS))}
        columns="row"
      />
    </div>
  );
}

export function BudgetStep(props: StepProps) {
  const t = useTranslations("survey.q");
  const tKeys = useTranslations();
  const labels = useLabels();
  return (
    <div className="flex flex-col gap-6">
      <Choice
        {...props}
        name="budget"
        type="radio"
        legend={t("budget")}
        options={labelledOptions(BUDGETS, labels("budget", BUDGETS))}
        columns={1}
      />
      <Choice
        {...props}
        name="keepUsing"
        type="checkbox"
        legend={tKeys(KEEP_USING_KEYS.legend)}
        hint={tKeys(KEEP_USING_KEYS.hint)}
        options={labelledOptions(KEEPABLE_STEPS, labels("keepUsing", KEEPABLE_STEPS))}
        columns="row"
      />
    </div>
  );
}

export function ConsentStep({ control, errors }: StepProps) {
  const t = useTranslations("survey");
  const message = errors.consent ? t("error.consent") : undefined;
  return (
    <div className="flex flex-col gap-5">
      <ul className="flex flex-col gap-3 text-slate-700">
        <li className="rounded-xl bg-slate-50 p-4">
          <strong className="block text-slate-900">{t("consent.forTitle")}</strong>
          {t("consent.for")}
        </li>
        <li className="rounded-xl bg-slate-50 p-4">
          <strong className="block text-slate-900">{t("consent.keepTitle")}</strong>
          {t("consent.keep")}
        </li>
        <li className="rounded-xl bg-slate-50 p-4">
          <strong className="block text-slate-900">{t("consent.controlTitle")}</strong>
          {t("consent.control")}{" "}
          <Link href="/privacy" className="font-medium text-brand-700 underline" target="_blank">
            {t("consent.privacyLink")}
          </Link>
          .
        </li>
      </ul>
      <Controller
        control={control}
        name="consent"
        render={({ field }) => (
          <div className="flex flex-col gap-2">
            <label className="flex cursor-pointer items-start gap-3 rounded-xl border border-slate-300 p-4 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600">
              <input
                ref={field.ref}
                type="checkbox"
                name={field.name}
                checked={field.value === true}
                onChange={(event) => field.onChange(event.target.checked ? true : undefined)}
                onBlur={field.onBlur}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? "consent-error" : undefined}
                className="mt-0.5 size-4 shrink-0 accent-brand-700 focus-visible:outline-none"
              />
              <span>{t("consent.agree")}</span>
            </label>
            {message ? (
              <p id="consent-error" className="text-sm font-medium text-red-700">
                {message}
              </p>
            ) : null}
          </div>
        )}
      />
    </div>
  );
}
