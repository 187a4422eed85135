/** Shared class strings so links and buttons look alike without a component per variant. */
const base =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-full px-5 py-2.5 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";

export const buttonStyles = {
  primary: `${base} bg-brand-700 text-white hover:bg-brand-900`,
  secondary: `${base} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`,
  danger: `${base} bg-red-700 text-white hover:bg-red-800`,
  ghost: `${base} text-brand-700 hover:bg-brand-50`,
} as const;

export type ButtonVariant = keyof typeof buttonStyles;
