"use client";

import Link from "next/link";
import { Controller, type Control, type FieldErrors } from "react-hook-form";
import {
  ACTIVE_LABELS,
  ACTIVES,
  BUDGET_LABELS,
  BUDGETS,
  CONCERN_LABELS,
  CONCERNS,
  FRAGRANCE_LABELS,
  FRAGRANCE_PREFERENCES,
  GOAL_LABELS,
  GOALS,
  KEEP_USING_TEXT,
  KEEPABLE_STEPS,
  MAX_CONCERNS,
  MAX_GOALS,
  PREGNANCY_ANSWERS,
  PREGNANCY_LABELS,
  SENSITIVITIES,
  SENSITIVITY_LABELS,
  SKIN_TYPE_LABELS,
  SKIN_TYPES,
} from "@/lib/domain/survey";
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
  // Array fields report their message either on the field or, for refinements, on `root`.
  const fieldError = errors[name] as { message?: string; root?: { message?: string } } | undefined;
  const message = fieldError?.message ?? fieldError?.root?.message;
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

export function SkinTypeStep(props: StepProps) {
  return (
    <Choice
      {...props}
      name="skinType"
      type="radio"
      legend="How does your skin usually feel by midday?"
      options={labelledOptions(SKIN_TYPES, SKIN_TYPE_LABELS)}
    />
  );
}

export function ConcernsStep(props: StepProps) {
  return (
    <div className="flex flex-col gap-8">
      <Choice
        {...props}
        name="concerns"
        type="checkbox"
        legend="What would you like to work on?"
        hint="Choose up to four."
        max={MAX_CONCERNS}
        limitMessage="You can choose up to four. Untick one to choose another."
        options={labelledOptions(CONCERNS, CONCERN_LABELS)}
      />
      <Choice
        {...props}
        name="goals"
        type="checkbox"
        legend="What are your goals?"
        hint="Choose up to three."
        max={MAX_GOALS}
        limitMessage="You can choose up to three. Untick one to choose another."
        options={labelledOptions(GOALS, GOAL_LABELS)}
      />
    </div>
  );
}

export function SensitivityStep(props: StepProps) {
  return (
    <div className="flex flex-col gap-6">
      <Choice {...props} name="sensitivity" type="radio" legend="How sensitive is your skin?" options={labelledOptions(SENSITIVITIES, SENSITIVITY_LABELS)} columns={1} />
      <Choice
        {...props}
        name="currentActives"
        type="checkbox"
        legend="Which of these do you already use?"
        hint="Leave all unticked if you use none. We use this to avoid clashing ingredients."
        options={detailedOptions(ACTIVES, ACTIVE_LABELS)}
        columns="phone2"
      />
      <Choice {...props} name="fragrance" type="radio" legend="Fragrance in skincare" options={labelledOptions(FRAGRANCE_PREFERENCES, FRAGRANCE_LABELS)} columns="row" />
      <Choice
        {...props}
        name="pregnancy"
        type="radio"
        legend="Are you pregnant or breastfeeding?"
        hint="Some ingredients are best avoided then. Unless you answer “No”, we only suggest pregnancy-safe products."
        options={labelledOptions(PREGNANCY_ANSWERS, PREGNANCY_LABELS)}
        columns="row"
      />
    </div>
  );
}

export function BudgetStep(props: StepProps) {
  return (
    <div className="flex flex-col gap-6">
      <Choice {...props} name="budget" type="radio" legend="How much would you like to spend per product?" options={labelledOptions(BUDGETS, BUDGET_LABELS)} columns={1} />
      <Choice
        {...props}
        name="keepUsing"
        type="checkbox"
        legend={KEEP_USING_TEXT.legend}
        hint={KEEP_USING_TEXT.hint}
        options={labelledOptions(KEEPABLE_STEPS, KEEP_USING_TEXT.options)}
        columns="row"
      />
    </div>
  );
}

export function ConsentStep({ control, errors }: StepProps) {
  const message = errors.consent?.message;
  return (
    <div className="flex flex-col gap-5">
      <ul className="flex flex-col gap-3 text-slate-700">
        <li className="rounded-xl bg-slate-50 p-4">
          <strong className="block text-slate-900">What the photo is for</strong>
          Only to check photo quality and score visible skin signals for you. Only you can see it.
        </li>
        <li className="rounded-xl bg-slate-50 p-4">
          <strong className="block text-slate-900">How long we keep it</strong>
          Your photo is deleted automatically after 30 days. It is resized and stripped of location data in your
          browser before upload.
        </li>
        <li className="rounded-xl bg-slate-50 p-4">
          <strong className="block text-slate-900">You stay in control</strong>
          You can delete any analysis and its photo at any time from your history.{" "}
          <Link href="/privacy" className="font-medium text-brand-700 underline" target="_blank">
            Read the privacy page
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
              <span>I agree that Skinsight may analyse my photo for this skin check as described above.</span>
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
