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
          Every product Skinsight can recommend: brand-neutral, sold in Malaysia, with prices in RM. Filter by what you
          want to work on, the routine step, price and fragrance.
        </p>
      </div>
      <CatalogBrowser products={products} />
    </main>
  );
}
