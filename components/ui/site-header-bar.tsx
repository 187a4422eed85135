"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";

const NAV = [
  { href: "/analyze", label: "analyze" },
  { href: "/history", label: "history" },
  { href: "/products", label: "products" },
] as const;

/** The header's words, translated on the server (site-header.tsx) so no page ships a translator for them. */
export interface SiteHeaderLabels {
  skipToContent: string;
  brand: string;
  nav: Record<(typeof NAV)[number]["label"] | "label" | "openMenu" | "closeMenu", string>;
}

/**
 * The header's interactive part: the current page's link and the phone menu. `language` and `account` are
 * rendered by the server and slotted in (ui/ imports no feature).
 */
export function SiteHeaderBar({
  labels,
  language,
  account,
}: {
  labels: SiteHeaderLabels;
  language: ReactNode;
  account: ReactNode;
}) {
  const pathname = usePathname();
  // The phone menu is open on the page it was opened on, so navigating closes it with no effect to run.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
      >
        {labels.skipToContent}
      </a>
      <div className="mx-auto flex h-16 max-w-5xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-brand-700">
          <svg viewBox="0 0 24 24" className="size-7" aria-hidden="true">
            <circle cx="12" cy="12" r="11" fill="currentColor" />
            <ellipse cx="12" cy="12" rx="5.5" ry="7" fill="none" stroke="white" strokeWidth="1.8" />
          </svg>
          {/* On the narrowest phones the mark alone: the name would push the menu button off the screen. */}
          <span className="max-[359px]:sr-only">{labels.brand}</span>
        </Link>
        <nav aria-label={labels.nav.label} className="ml-auto hidden sm:block">
          <NavLinks
            labels={labels.nav}
            isCurrent={isCurrent}
            listClassName="flex items-center gap-1"
            linkClassName="rounded-full px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
          />
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:ml-2">
          {language}
          {account}
        </div>
        <button
          type="button"
          className="inline-flex size-11 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 sm:hidden"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          <span className="sr-only">{open ? labels.nav.closeMenu : labels.nav.openMenu}</span>
          <svg
            viewBox="0 0 24 24"
            className="size-6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
        </button>
      </div>
      {open ? (
        <nav id="mobile-nav" aria-label={labels.nav.label} className="border-t border-slate-200 sm:hidden">
          <NavLinks
            labels={labels.nav}
            isCurrent={isCurrent}
            listClassName="mx-auto flex max-w-5xl flex-col px-4 py-2"
            linkClassName="block rounded-lg px-3 py-3 text-base font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:text-brand-700"
          />
        </nav>
      ) : null}
    </header>
  );
}

/** The main links, shared by the desktop bar and the phone menu (they differ only in layout). */
function NavLinks({
  labels,
  isCurrent,
  listClassName,
  linkClassName,
}: {
  labels: SiteHeaderLabels["nav"];
  isCurrent: (href: string) => boolean;
  listClassName: string;
  linkClassName: string;
}) {
  return (
    <ul className={listClassName}>
      {NAV.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={isCurrent(item.href) ? "page" : undefined} className={linkClassName}>
            {labels[item.label]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
