import type { Metadata } from "next";
import { loadCatalog } from "@/lib/domain/catalog";
import { CatalogBrowser } from "@/components/products/catalog-browser";

export const metadata: Metadata = { title: "Products" };

export default function ProductsPage() {
  const products = loadCatalog();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Product catalogue</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Every product Skinsight can recommend: sold in Malaysia, with prices in RM. Search, filter by what you want
          to work on, the routine step, price and fragrance, or sort by price.
        </p>
        <p className="mt-3 max-w-2xl rounded-xl bg-brand-50 p-3 text-sm text-brand-900" data-testid="brand-neutral">
          <strong>Brand-neutral</strong> means no brand pays to be listed or to be picked, and we earn nothing from the
          shop links. Products are chosen for their ingredients, skin fit and price; the brands are named so you can find
          them.
        </p>
      </div>
      <CatalogBrowser products={products} />
    </main>
  );
}
