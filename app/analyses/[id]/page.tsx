import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { AnalysisView } from "./_components/analysis-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("results.live");
  return { title: t("titleComplete") };
}

export default async function AnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <ClientMessages namespaces={["results", "recommend", "labels", "quality", "auth"]}>
        <AnalysisView id={id} />
      </ClientMessages>
    </main>
  );
}
