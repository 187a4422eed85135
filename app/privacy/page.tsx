import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { readPrivacyFacts } from "@/components/privacy/privacy-facts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

function linkTo(href: string) {
  return function PrivacyLink(chunks: ReactNode) {
    return (
      <Link href={href} className="font-medium text-brand-700 underline">
        {chunks}
      </Link>
    );
  };
}
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** True in each mode: the retention in force, how each mode's guest checks keep nothing, export and account deletion. */
export default async function PrivacyPage() {
  const t = await getTranslations("privacy");
  const facts = readPrivacyFacts();
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-lg text-slate-700">{t("intro")}</p>

      <Section id="what" heading={t("what.heading")}>
        <ul className="list-disc space-y-1 pl-6 text-slate-700">
          <li>{t("what.account")}</li>
          <li>{t("what.survey")}</li>
          <li>{t("what.selfie")}</li>
          <li>{t("what.results")}</li>
        </ul>
      </Section>

      <Section id="use" heading={t("use.heading")}>
        <p className="text-slate-700">{t("use.body")}</p>
      </Section>

      <Section id="how-long" heading={t("keep.heading")}>
        <p className="text-slate-700" data-testid="photo-retention">
          {t.rich("keep.body", { days: facts.photoRetentionDays, strong })}
        </p>
      </Section>

      <Section id="guest" heading={t("guest.heading")}>
        <p className="text-slate-700" data-testid="guest-rule">
          {t.rich(facts.mode === "amplify" ? "guest.offeredCloud" : "guest.offered", {
            link: linkTo("/guest"),
            strong,
          })}
        </p>
      </Section>

      <Section id="take" heading={t("take.heading")}>
        <p className="text-slate-700">{t.rich("take.body", { link: linkTo("/account") })}</p>
      </Section>

      <Section id="delete" heading={t("delete.heading")}>
        <p className="text-slate-700">{t.rich("delete.body", { link: linkTo("/history") })}</p>
        <p className="text-slate-700">
          {t.rich(facts.mode === "amplify" ? "delete.allCloud" : "delete.allLocal", { link: linkTo("/account") })}
        </p>
      </Section>

      <Section id="language" heading={t("language.heading")}>
        <p className="text-slate-700">{t("language.body")}</p>
      </Section>
    </main>
  );
}
