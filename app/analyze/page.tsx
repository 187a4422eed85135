import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { AnalyzeFlow } from "./_components/analyze-flow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("survey.page");
  return { title: t("metaTitle") };
}

export default async function AnalyzePage() {
  const t = await getTranslations("survey.page");
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-5 sm:gap-6 sm:py-12">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <ClientMessages namespaces={["survey", "labels", "results", "auth"]}>
        <AnalyzeFlow />
      </ClientMessages>
    </main>
  );
}
