"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useSession } from "./session-provider";

type Split = { before: string; after: string };

/** The menu's words, translated on the server (account-menu.tsx); the email is only known here, so it is slotted in. */
export interface AccountMenuLabels {
  signIn: string;
  menuFor: Split;
  signedInAs: Split;
  yourAnalyses: string;
  yourData: string;
  privacy: string;
  signOut: string;
  signingOut: string;
}

export function AccountMenuView({ labels }: { labels: AccountMenuLabels }) {
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
      <Link
        href="/sign-in"
        className="rounded-full px-3 py-2 text-sm font-semibold whitespace-nowrap text-brand-700 hover:bg-brand-50"
      >
        {labels.signIn}
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
        <span className="sr-only">{`${labels.menuFor.before}${email}${labels.menuFor.after}`}</span>
      </button>
      {open ? (
        <div
          id="account-menu"
          className="absolute right-0 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
        >
          <p className="truncate px-3 py-2 text-sm text-slate-600" title={email}>
            {labels.signedInAs.before}
            <span className="font-medium text-slate-900">{email}</span>
            {labels.signedInAs.after}
          </p>
          <Link href="/history" className="block rounded-lg px-3 py-2 text-sm text-slate-800 hover:bg-slate-100">
            {labels.yourAnalyses}
          </Link>
          <Link href="/account" className="block rounded-lg px-3 py-2 text-sm text-slate-800 hover:bg-slate-100">
            {labels.yourData}
          </Link>
          <Link href="/privacy" className="block rounded-lg px-3 py-2 text-sm text-slate-800 hover:bg-slate-100">
            {labels.privacy}
          </Link>
          <button
            type="button"
            onClick={() => void onSignOut()}
            disabled={busy}
            className="block w-full rounded-lg px-3 py-2 text-left text-sm font-semibold text-red-700 hover:bg-red-50"
          >
            {busy ? labels.signingOut : labels.signOut}
          </button>
        </div>
      ) : null}
    </div>
  );
}
