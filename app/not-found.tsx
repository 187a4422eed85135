import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageStatus } from "@/components/ui/page-status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main>
      <h1 className="sr-only">{t("title")}</h1>
      <PageStatus tone="info" title={t("heading")} message={t("message")} action={{ label: t("home"), href: "/" }} />
    </main>
  );
}
