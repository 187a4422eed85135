"use client";

import { useId } from "react";

interface Option {
  value: string;
  label: string;
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
  columns?: 1 | 2;
  inputRef?: (el: HTMLInputElement | null) => void;
}

/** A fieldset of large tappable options: native inputs keep arrow-key and space-bar behaviour. */
export function ChoiceGroup({ legend, hint, name, type, options, value, onChange, onBlur, error, columns = 2, inputRef }: Props) {
  const hintId = useId();
  const errorId = useId();
  const selected = new Set(typeof value === "string" ? [value] : (value ?? []));
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  const toggle = (optionValue: string, checked: boolean) => {
    if (type === "radio") return onChange(optionValue);
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
      <div className={`grid gap-2 ${columns === 2 ? "sm:grid-cols-2" : ""}`}>
        {options.map((option, index) => {
          const checked = selected.has(option.value);
          return (
            <label
              key={option.value}
              className={`flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border px-4 py-3 text-sm transition-colors has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                checked ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-800 hover:border-slate-400"
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
              <span>{option.label}</span>
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

export function labelledOptions<T extends string>(values: readonly T[], labels: Record<T, string>): Option[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
