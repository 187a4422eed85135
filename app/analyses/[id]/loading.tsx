import { getTranslations } from "next-intl/server";
import { PageStatus } from "@/components/ui/page-status";

export default async function Loading() {
  const t = await getTranslations("results.live");
  return (
    <main>
      <PageStatus tone="loading" title={t("loading")} />
    </main>
  );
}
