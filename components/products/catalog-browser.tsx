"use client";

import { useId, useMemo, useState } from "react";
import {
  filterProducts,
  PRODUCT_SORTS,
  ROUTINE_STEP_LABELS,
  ROUTINE_STEPS,
  sortProducts,
  type Product,
  type ProductFilter,
  type ProductSort,
} from "@/lib/domain/catalog/queries-client";
import { BUDGET_LABELS, BUDGETS, CONCERN_LABELS, CONCERNS } from "@/lib/domain/survey-options";
import { buttonStyles } from "@/components/ui/button-styles";
import { fromProduct, ProductCard } from "@/components/shared/product-card";

const selectClass =
  "mt-1 block w-full rounded-xl border border-slate-300 bg-white px-3 py-2.5 text-sm text-slate-900 focus-visible:border-brand-600";

function parseOption<T extends string>(value: string, options: readonly T[]): T | undefined {
  return (options as readonly string[]).includes(value) ? (value as T) : undefined;
}

const PAGE_SIZE = 24;
const SORT_LABELS: Record<ProductSort, string> = {
  step: "Routine step",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
};

export function CatalogBrowser({ products }: { products: Product[] }) {
  const [filter, setFilterState] = useState<ProductFilter>({});
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [sort, setSort] = useState<ProductSort>("step");
  const setFilter = (next: ProductFilter) => {
    setFilterState(next);
    setLimit(PAGE_SIZE);
  };
  const ids = { concern: useId(), step: useId(), budget: useId(), fragrance: useId(), query: useId(), sort: useId() };
  const shown = useMemo(() => sortProducts(filterProducts(products, filter), sort), [products, filter, sort]);
  const active = Object.values(filter).some((v) => v !== undefined && v !== false);

  return (
    <div className="flex flex-col gap-6">
      <form
        aria-label="Filter products"
        className="grid gap-4 rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="sm:col-span-2 lg:col-span-2">
          <label htmlFor={ids.query} className="text-sm font-semibold text-slate-800">Search</label>
          <input
            id={ids.query}
            type="search"
            className={selectClass}
            placeholder="Name, brand or active, e.g. niacinamide"
            value={filter.query ?? ""}
            onChange={(e) => setFilter({ ...filter, query: e.target.value === "" ? undefined : e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={ids.sort} className="text-sm font-semibold text-slate-800">Sort by</label>
          <select
            id={ids.sort}
            className={selectClass}
            value={sort}
            onChange={(e) => setSort(parseOption(e.target.value, PRODUCT_SORTS) ?? "step")}
          >
            {PRODUCT_SORTS.map((s) => (
              <option key={s} value={s}>{SORT_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.concern} className="text-sm font-semibold text-slate-800">Concern</label>
          <select
            id={ids.concern}
            className={selectClass}
            value={filter.concern ?? ""}
            onChange={(e) => setFilter({ ...filter, concern: parseOption(e.target.value, CONCERNS) })}
          >
            <option value="">Any concern</option>
            {CONCERNS.map((c) => (
              <option key={c} value={c}>{CONCERN_LABELS[c]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.step} className="text-sm font-semibold text-slate-800">Routine step</label>
          <select
            id={ids.step}
            className={selectClass}
            value={filter.step ?? ""}
            onChange={(e) => setFilter({ ...filter, step: parseOption(e.target.value, ROUTINE_STEPS) })}
          >
            <option value="">Any step</option>
            {ROUTINE_STEPS.map((s) => (
              <option key={s} value={s}>{ROUTINE_STEP_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.budget} className="text-sm font-semibold text-slate-800">Price</label>
          <select
            id={ids.budget}
            className={selectClass}
            value={filter.budget ?? ""}
            onChange={(e) => setFilter({ ...filter, budget: parseOption(e.target.value, BUDGETS) })}
          >
            <option value="">Any price</option>
            {BUDGETS.map((b) => (
              <option key={b} value={b}>{BUDGET_LABELS[b]}</option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <label htmlFor={ids.fragrance} className="flex min-h-11 cursor-pointer items-center gap-3 text-sm font-semibold text-slate-800">
            <input
              id={ids.fragrance}
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={filter.fragranceFree === true}
              onChange={(e) => setFilter({ ...filter, fragranceFree: e.target.checked || undefined })}
            />
            Fragrance-free only
          </label>
        </div>
      </form>

      <div className="flex items-center justify-between gap-3">
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {shown.length} of {products.length} products
        </p>
        {active ? (
          <button type="button" className={buttonStyles.ghost} onClick={() => setFilter({})}>
            Clear filters
          </button>
        ) : null}
      </div>

      {shown.length === 0 ? (
        <div className="rounded-2xl bg-slate-50 p-8 text-center">
          <p className="font-semibold text-slate-900">No products match all of these filters.</p>
          <p className="mt-1 text-sm text-slate-600">Try a different price band or step.</p>
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shown.slice(0, limit).map((product) => (
            <li key={product.id}>
              <ProductCard product={fromProduct(product)} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
      {shown.length > limit ? (
        <button type="button" className={`${buttonStyles.secondary} self-center`} onClick={() => setLimit(limit + PAGE_SIZE)}>
          Show more products ({shown.length - limit} more)
        </button>
      ) : null}
    </div>
  );
}
