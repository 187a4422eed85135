import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { GuestFlow } from "./_components/guest-flow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("guest");
  return { title: t("metaTitle") };
}

// What the wizard (and its capture step) renders, as on /analyze.
const NAMESPACES = ["guest", "survey", "labels", "results", "auth"];

export default async function GuestPage() {
  const t = await getTranslations("guest");
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-5 sm:gap-6 sm:py-12">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
        <p className="rounded-xl bg-brand-50 p-3 text-sm text-slate-800" data-testid="guest-nothing-kept">
          {t("nothingKept")}
        </p>
      </div>
      <ClientMessages namespaces={NAMESPACES}>
        <GuestFlow />
      </ClientMessages>
    </main>
  );
}
