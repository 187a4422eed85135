import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { ClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/**
 * The query is read here, on the server, so the form is in the first HTML: reading it in the client would
 * render a loading placeholder first and shift the page when the form replaced it.
 */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("auth");
  return (
    <main className="mx-auto flex max-w-lg flex-col gap-6 px-4 py-10">
      <div className="text-center">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("lead")}</p>
      </div>
      <ClientMessages namespaces={["auth"]}>
        <SignInPanel mode={first(params.mode)} next={first(params.next)} />
      </ClientMessages>
    </main>
  );
}
