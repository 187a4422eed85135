import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

export default async function PrivacyPage() {
  const t = await getTranslations("privacy");
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-lg text-slate-700">{t("intro")}</p>

      <section aria-labelledby="what" className="flex flex-col gap-2">
        <h2 id="what" className="text-xl font-semibold">{t("what.heading")}</h2>
        <ul className="list-disc space-y-1 pl-6 text-slate-700">
          <li>{t("what.account")}</li>
          <li>{t("what.survey")}</li>
          <li>{t("what.selfie")}</li>
          <li>{t("what.results")}</li>
        </ul>
      </section>

      <section aria-labelledby="use" className="flex flex-col gap-2">
        <h2 id="use" className="text-xl font-semibold">{t("use.heading")}</h2>
        <p className="text-slate-700">{t("use.body")}</p>
      </section>

      <section aria-labelledby="how-long" className="flex flex-col gap-2">
        <h2 id="how-long" className="text-xl font-semibold">{t("keep.heading")}</h2>
        <p className="text-slate-700">{t.rich("keep.body", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </section>

      <section aria-labelledby="delete" className="flex flex-col gap-2">
        <h2 id="delete" className="text-xl font-semibold">{t("delete.heading")}</h2>
        <p className="text-slate-700">
          {t.rich("delete.body", {
            link: (chunks) => (
              <Link href="/history" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>

      <section aria-labelledby="language" className="flex flex-col gap-2">
        <h2 id="language" className="text-xl font-semibold">{t("language.heading")}</h2>
        <p className="text-slate-700">{t("language.body")}</p>
      </section>
    </main>
  );
}
