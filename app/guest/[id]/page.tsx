import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { analysisIdSchema } from "@/lib/domain/analysis";
import { GuestResultView } from "./_components/guest-result-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("guest");
  return { title: t("resultsMetaTitle") };
}

export default async function GuestResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Not an id the backends make: a real 404 from the server, not a page that only says so once loaded.
  if (!analysisIdSchema.safeParse(id).success) notFound();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <ClientMessages namespaces={["guest", "results", "recommend", "labels", "quality", "survey"]}>
        <GuestResultView id={id} />
      </ClientMessages>
    </main>
  );
}
