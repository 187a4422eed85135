import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SampleResult } from "./_components/sample-result";

export default async function HomePage() {
  const [t, tGuest] = await Promise.all([getTranslations("home"), getTranslations("guest")]);
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 px-5 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("brand")}</p>
      <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t("title")}</h1>
      <p className="max-w-3xl text-lg text-slate-700">{t("intro")}</p>
      <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:gap-6">
        <Link
          href="/analyze"
          className="inline-flex items-center rounded-full bg-brand-700 px-6 py-3 text-base font-semibold text-white hover:bg-brand-900"
        >
          {t("start")}
        </Link>
        <Link href="/guest" className="font-semibold text-brand-700 underline underline-offset-4 hover:text-brand-900">
          {tGuest("entryLink")}
        </Link>
      </div>
      <SampleResult />
    </main>
  );
}
