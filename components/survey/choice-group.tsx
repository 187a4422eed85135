"use client";

import { useId, useState } from "react";

interface Option {
  value: string;
  label: string;
  /** A smaller second line, e.g. the examples in "Retinoid (retinol, adapalene, tretinoin)". */
  detail?: string;
}

interface Props {
  legend: string;
  hint?: string;
  name: string;
  type: "radio" | "checkbox";
  options: readonly Option[];
  /** A string for radios, a list for checkboxes. */
  value: string | readonly string[] | undefined;
  onChange: (value: string | string[]) => void;
  onBlur?: () => void;
  error?: string;
  /** "row": short options side by side even on a phone (Yes / No / Prefer not to say). */
  columns?: keyof typeof COLUMN_CLASSES;
  /** Checkboxes: the most that can be ticked; a further tick is refused and says why. */
  max?: number;
  /** Shown when a tick beyond `max` is refused. */
  limitMessage?: string;
  inputRef?: (el: HTMLInputElement | null) => void;
}

/** A fieldset of large tappable options: native inputs keep arrow-key and space-bar behaviour. */
export function ChoiceGroup(props: Props) {
  const {
    legend,
    hint,
    name,
    type,
    options,
    value,
    onChange,
    onBlur,
    columns = 2,
    max,
    limitMessage,
    inputRef,
  } = props;
  const hintId = useId();
  const errorId = useId();
  const [refused, setRefused] = useState(false);
  const selected = new Set(typeof value === "string" ? [value] : (value ?? []));
  const error = refused ? limitMessage : props.error;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  const toggle = (optionValue: string, checked: boolean) => {
    if (type === "radio") return onChange(optionValue);
    // The limit holds while choosing: a tick beyond it is refused on the spot, not reported later on Next.
    const over = checked && max !== undefined && selected.size >= max;
    setRefused(over);
    if (over) return;
    const next = options.map((o) => o.value).filter((v) => (v === optionValue ? checked : selected.has(v)));
    onChange(next);
  };

  return (
    <fieldset
      className="flex flex-col gap-3"
      aria-describedby={describedBy}
      {...(type === "radio" ? { role: "radiogroup" } : {})}
    >
      <legend className="mb-1 text-base font-semibold text-slate-900">{legend}</legend>
      {hint ? (
        <p id={hintId} className="-mt-2 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={`grid gap-2 ${COLUMN_CLASSES[columns]}`}>
        {options.map((option, index) => {
          const checked = selected.has(option.value);
          return (
            <label
              key={option.value}
              className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border px-3 py-2 text-sm transition-colors has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 sm:min-h-12 sm:px-4 sm:py-3 ${
                checked
                  ? "border-brand-600 bg-brand-50 text-brand-900"
                  : "border-slate-300 bg-white text-slate-800 hover:border-slate-400"
              }`}
            >
              <input
                ref={index === 0 ? inputRef : undefined}
                type={type}
                name={name}
                value={option.value}
                checked={checked}
                onChange={(event) => toggle(option.value, event.target.checked)}
                onBlur={onBlur}
                aria-invalid={error ? true : undefined}
                className="size-4 shrink-0 accent-brand-700 focus-visible:outline-none"
              />
              <span>
                {option.label}
                {option.detail ? <span className="block text-xs text-slate-600">{option.detail}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="flex items-start gap-2 text-sm font-medium text-red-700">
          <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="currentColor" aria-hidden="true">
            <path d="M10 1a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-1 5h2v6H9V6Zm0 8h2v2H9v-2Z" />
          </svg>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const COLUMN_CLASSES = {
  1: "",
  2: "sm:grid-cols-2",
  row: "grid-flow-col auto-cols-fr",
  phone2: "grid-cols-2",
} as const;

/** Options whose labels end in "(examples)" show the examples as a second, smaller line. */
export function detailedOptions<T extends string>(values: readonly T[], labels: Record<T, string>): Option[] {
  return values.map((value) => {
    const match = /^(.*?) \((.*)\)$/.exec(labels[value]);
    return match ? { value, label: match[1] ?? labels[value], detail: match[2] } : { value, label: labels[value] };
  });
}

export function labelledOptions<T extends string>(values: readonly T[], labels: Record<T, string>): Option[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
