"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { buttonStyles } from "./button-styles";

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  /** Extra fields the confirmation needs (e.g. the password); the confirm button waits for `canConfirm`. */
  children?: ReactNode;
  canConfirm?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Native <dialog>: focus trapping, Escape and the inert background come from the browser. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  busy,
  error,
  children,
  canConfirm = true,
  onConfirm,
  onCancel,
}: Props) {
  const t = useTranslations("common.dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[min(92vw,26rem)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="flex flex-col gap-4 p-6">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p id={messageId} className="text-slate-700">
          {message}
        </p>
        {children}
        {error ? (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button type="button" className={buttonStyles.secondary} onClick={onCancel} disabled={busy} autoFocus>
            {t("cancel")}
          </button>
          <button type="button" className={buttonStyles.danger} onClick={onConfirm} disabled={busy || !canConfirm}>
            {busy ? t("deleting") : confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
