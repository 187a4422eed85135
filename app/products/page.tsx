import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CatalogBrowser } from "@/components/products/catalog-browser";
import { ClientMessages } from "@/components/ui/client-messages";
import { loadCatalog } from "@/lib/domain/catalog";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("products");
  return { title: t("metaTitle") };
}

export default async function ProductsPage() {
  const products = loadCatalog();
  const t = await getTranslations("products");
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-2xl text-slate-600">{t("lead")}</p>
        <p className="mt-3 max-w-2xl rounded-xl bg-brand-50 p-3 text-sm text-brand-900" data-testid="brand-neutral">
          {t.rich("neutral", { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </div>
      <ClientMessages namespaces={["products", "labels", "results", "recommend"]}>
        <CatalogBrowser products={products} />
      </ClientMessages>
    </main>
  );
}
