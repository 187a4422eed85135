"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { PageStatus } from "@/components/ui/page-status";
import type { BackendPort } from "@/lib/backend/port";
import { SelfieStep, type RenderCapture } from "./selfie-step";
import { BudgetStep, ConcernsStep, ConsentStep, SensitivityStep, SkinTypeStep } from "./survey-steps";
import { loadDraft, saveDraft } from "./survey-storage";
import { STEP_COUNT, STEP_FIELDS, wizardSchema, type WizardInput, type WizardValues } from "./wizard-schema";

const EMPTY: Partial<WizardInput> = { concerns: [], goals: [], currentActives: [], keepUsing: [] };
const noChanges = () => () => undefined;

interface Props {
  backend: BackendPort;
  /** The photo taker, given by the page (the capture feature). */
  renderCapture: RenderCapture;
  /** Where the results are shown; a guest check has its own page. */
  resultsHref?: (id: string) => string;
}

export function SurveyWizard({ backend, renderCapture, resultsHref = (id) => `/analyses/${id}` }: Props) {
  const t = useTranslations("survey");
  const router = useRouter();
  // sessionStorage only exists in the browser: the server (and hydration) render "loading", and the
  // wizard starts from the saved draft, read once when this first renders in the browser.
  const ready = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  const [draft] = useState(loadDraft);
  const [step, setStep] = useState(draft?.step ?? 1);
  const [replaces] = useState(draft?.replaces);
  const stepRef = useRef(step);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const movedRef = useRef(false);
  const form = useForm<WizardInput, unknown, WizardValues>({
    resolver: zodResolver(wizardSchema),
    defaultValues: draft ? { ...EMPTY, ...draft.values } : EMPTY,
    // Re-check a field on every change, so "Please choose your skin type." goes as soon as Oily is picked.
    mode: "onChange",
  });
  const { control, formState, trigger, getValues, handleSubmit } = form;

  const values = useWatch({ control });
  useEffect(() => {
    if (ready) saveDraft({ values: values as Partial<WizardInput>, step: stepRef.current, replaces });
  }, [values, ready, replaces]);

  const goTo = useCallback(
    (next: number) => {
      stepRef.current = next;
      movedRef.current = true;
      setStep(next);
      saveDraft({ values: getValues(), step: next, replaces });
    },
    [getValues, replaces],
  );

  // Move focus to the new step's heading so keyboard and screen-reader users start at the top.
  useEffect(() => {
    if (movedRef.current) headingRef.current?.focus();
  }, [step]);

  const onNext = async () => {
    const fields = STEP_FIELDS[step - 1] ?? [];
    const ok = fields.length === 0 || (await trigger([...fields], { shouldFocus: true }));
    if (ok && step < STEP_COUNT) goTo(step + 1);
  };

  const onDone = (id: string, values: WizardValues) => {
    saveDraft({ values, step: 1 });
    router.push(resultsHref(id));
  };

  if (!ready) return <PageStatus tone="loading" title={t("loading")} />;

  const title = t(`title.${step}`);
  const stepProps = { control, errors: formState.errors };
  return (
    <form
      noValidate
      aria-labelledby="wizard-step-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (step < STEP_COUNT) void onNext();
      }}
      className="flex flex-col gap-5 rounded-3xl border border-slate-200 bg-white p-4 shadow-sm sm:gap-6 sm:p-8"
    >
      <div className="flex flex-col gap-2">
        <p className="text-sm font-semibold text-brand-700" aria-live="polite">
          {t("stepOf", { step, count: STEP_COUNT })}
        </p>
        <div className="h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
          <div
            className="h-full rounded-full bg-brand-600 transition-[width]"
            style={{ width: `${(step / STEP_COUNT) * 100}%` }}
          />
        </div>
        <h2
          id="wizard-step-title"
          ref={headingRef}
          tabIndex={-1}
          className="mt-2 text-2xl font-bold tracking-tight outline-none"
        >
          {title}
        </h2>
      </div>

      {step === 1 ? <SkinTypeStep {...stepProps} /> : null}
      {step === 2 ? <ConcernsStep {...stepProps} /> : null}
      {step === 3 ? <SensitivityStep {...stepProps} /> : null}
      {step === 4 ? <BudgetStep {...stepProps} /> : null}
      {step === 5 ? <ConsentStep {...stepProps} /> : null}
      {step === 6 ? (
        <SelfieStep
          backend={backend}
          renderCapture={renderCapture}
          replaces={replaces}
          submit={(run) => handleSubmit(run, (errors) => goTo(firstInvalidStep(errors)))}
          onDone={onDone}
        />
      ) : null}

      <div className="flex items-center justify-between gap-3 border-t border-slate-100 pt-5">
        <button type="button" className={buttonStyles.secondary} onClick={() => goTo(step - 1)} disabled={step === 1}>
          {t("back")}
        </button>
        {step < STEP_COUNT ? (
          <button type="submit" className={buttonStyles.primary}>
            {t("next")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function firstInvalidStep(errors: object): number {
  const index = STEP_FIELDS.findIndex((fields) => fields.some((f) => f in errors));
  return index === -1 ? STEP_COUNT : index + 1;
}
