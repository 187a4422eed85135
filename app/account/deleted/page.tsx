import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageStatus } from "@/components/ui/page-status";
import { SessionReset } from "./_components/session-reset";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myData");
  return { title: t("deletedMetaTitle") };
}

export default async function AccountDeletedPage() {
  const t = await getTranslations("myData");
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      <SessionReset />
      <PageStatus
        headingLevel={1}
        tone="info"
        title={t("deletedTitle")}
        message={t("deletedMessage")}
        action={{ label: t("backHome"), href: "/" }}
      />
    </main>
  );
}
