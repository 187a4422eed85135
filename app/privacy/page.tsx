import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { readPrivacyFacts } from "@/components/privacy/privacy-facts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("metaTitle") };
}

const linkClass = "font-medium text-brand-700 underline";
function linkTo(href: string) {
  return function PrivacyLink(chunks: ReactNode) {
    return (
      <Link href={href} className={linkClass}>
        {chunks}
      </Link>
    );
  };
}
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export default async function PrivacyPage() {
  const t = await getTranslations("privacy");
  const facts = readPrivacyFacts();
  const section = (id: string, title: string, body: ReactNode) => (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {body}
    </section>
  );
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-lg text-slate-700">{t("intro")}</p>
      {section(
        "what",
        t("whatTitle"),
        <ul className="list-disc space-y-1 pl-6 text-slate-700">
          <li>{t("whatAccount")}</li>
          <li>{t("whatSurvey")}</li>
          <li>{t("whatSelfie")}</li>
          <li>{t("whatResults")}</li>
        </ul>,
      )}
      {section("use", t("useTitle"), <p className="text-slate-700">{t("useBody")}</p>)}
      {section(
        "how-long",
        t("howLongTitle"),
        <p className="text-slate-700" data-testid="photo-retention">
          {t.rich("howLongBody", { days: facts.photoRetentionDays, strong })}
        </p>,
      )}
      {section(
        "guest",
        t("guestTitle"),
        <p className="text-slate-700" data-testid="guest-rule">
          {facts.guestChecks ? t.rich("guestOffered", { link: linkTo("/guest"), strong }) : t("guestNotOffered")}
        </p>,
      )}
      {section("take", t("takeTitle"), <p className="text-slate-700">{t.rich("takeBody", { link: linkTo("/account") })}</p>)}
      {section(
        "delete",
        t("deleteTitle"),
        <>
          <p className="text-slate-700">{t.rich("deleteOne", { link: linkTo("/history") })}</p>
          <p className="text-slate-700">
            {t.rich(facts.mode === "amplify" ? "deleteAllCloud" : "deleteAllLocal", { link: linkTo("/account") })}
          </p>
        </>,
      )}
    </main>
  );
}
