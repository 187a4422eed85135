import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { MyData } from "./_components/my-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myData");
  return { title: t("metaTitle") };
}

export default async function AccountPage() {
  const t = await getTranslations("myData");
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      <ClientMessages namespaces={["myData", "auth"]}>
        <MyData />
      </ClientMessages>
    </main>
  );
}
