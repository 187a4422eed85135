import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "./button-styles";
import { Spinner } from "./spinner";

type Action = { label: string; href: string } | { label: string; onClick: () => void };

interface Props {
  tone: "loading" | "error" | "empty" | "info";
  title: string;
  message?: ReactNode;
  action?: Action;
  /** 1 when the block is all the page says: its title is then the page's heading, not a second copy of it. */
  headingLevel?: 1 | 2;
}

/** The one loading / empty / error block, so every page says "what now?" the same way. */
export function PageStatus({ tone, title, message, action, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section
      className="mx-auto flex max-w-md flex-col items-center gap-3 px-5 py-16 text-center"
      role={tone === "error" ? "alert" : "status"}
      aria-live={tone === "error" ? "assertive" : "polite"}
      aria-busy={tone === "loading" || undefined}
    >
      {tone === "loading" ? <Spinner className="size-8 text-brand-600" /> : null}
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      {message ? <p className="text-slate-600">{message}</p> : null}
      {action ? (
        "href" in action ? (
          <Link href={action.href} className={buttonStyles.primary}>
            {action.label}
          </Link>
        ) : (
          <button type="button" onClick={action.onClick} className={buttonStyles.primary}>
            {action.label}
          </button>
        )
      ) : null}
    </section>
  );
}
