import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { KeepGuestResult } from "./_components/keep-guest-result";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("guest");
  return { title: t("keepMetaTitle") };
}

export default function KeepGuestResultPage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      <ClientMessages namespaces={["guest", "auth"]}>
        <KeepGuestResult />
      </ClientMessages>
    </main>
  );
}
