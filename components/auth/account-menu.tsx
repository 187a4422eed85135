"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useSession } from "./session-provider";

export function AccountMenu() {
  const t = useTranslations("common.account");
  const { session, signOut } = useSession();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  if (session.status === "loading" || session.status === "error") {
    return <span className="inline-block h-9 w-20 animate-pulse rounded-full bg-slate-100" aria-hidden="true" />;
  }
  if (session.status === "signed-out") {
    return (
      <Link href="/sign-in" className="rounded-full px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
        {t("signIn")}
      </Link>
    );
  }

  const email = session.user.email;
  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
      setOpen(false);
      router.push("/");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls="account-menu"
        onClick={() => setOpen((v) => !v)}
        className="flex size-10 items-center justify-center rounded-full bg-brand-100 text-sm font-bold text-brand-900 uppercase hover:bg-brand-50"
      >
        <span aria-hidden="true">{email.slice(0, 1)}</span>
        <span className="sr-only">{t("menuFor", { email })}</span>
      </button>
      {open ? (
        <div
          id="account-menu"
          className="absolute right-0 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
        >
          <p className="truncate px-3 py-2 text-sm text-slate-600" title={email}>
            {t.rich("signedInAs", {
              email,
              strong: (chunks) => <span className="font-medium text-slate-900">{chunks}</span>,
            })}
          </p>
          <Link href="/history" className="block rounded-lg px-3 py-2 text-sm text-slate-800 hover:bg-slate-100">
            {t("yourAnalyses")}
          </Link>
          <Link href="/account" className="block rounded-lg px-3 py-2 text-sm text-slate-800 hover:bg-slate-100">
            {t("yourData")}
          </Link>
          <Link href="/privacy" className="block rounded-lg px-3 py-2 text-sm text-slate-800 hover:bg-slate-100">
            {t("privacy")}
          </Link>
          <button
            type="button"
            onClick={() => void onSignOut()}
            disabled={busy}
            className="block w-full rounded-lg px-3 py-2 text-left text-sm font-semibold text-red-700 hover:bg-red-50"
          >
            {busy ? t("signingOut") : t("signOut")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
