"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { fromProduct, ProductCard } from "@/components/shared/product-card";
import { buttonStyles } from "@/components/ui/button-styles";
import {
  filterProducts,
  PRODUCT_SORTS,
  ROUTINE_STEPS,
  sortProducts,
  type Product,
  type ProductFilter,
  type ProductSort,
} from "@/lib/domain/catalog/queries-client";
import { BUDGETS, CONCERNS } from "@/lib/domain/survey-options";

const selectClass =
  "mt-1 block w-full rounded-xl border border-slate-300 bg-white px-3 py-2.5 text-sm text-slate-900 focus-visible:border-brand-600";

function parseOption<T extends string>(value: string, options: readonly T[]): T | undefined {
  return (options as readonly string[]).includes(value) ? (value as T) : undefined;
}

const PAGE_SIZE = 24;

export function CatalogBrowser({ products }: { products: Product[] }) {
  const t = useTranslations("products");
  const tl = useTranslations("labels");
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
        aria-label={t("filterLabel")}
        className="grid gap-4 rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="sm:col-span-2 lg:col-span-2">
          <label htmlFor={ids.query} className="text-sm font-semibold text-slate-800">
            {t("search")}
          </label>
          <input
            id={ids.query}
            type="search"
            className={selectClass}
            placeholder={t("searchPlaceholder")}
            value={filter.query ?? ""}
            onChange={(e) => setFilter({ ...filter, query: e.target.value === "" ? undefined : e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={ids.sort} className="text-sm font-semibold text-slate-800">
            {t("sortBy")}
          </label>
          <select
            id={ids.sort}
            className={selectClass}
            value={sort}
            onChange={(e) => setSort(parseOption(e.target.value, PRODUCT_SORTS) ?? "step")}
          >
            {PRODUCT_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.concern} className="text-sm font-semibold text-slate-800">
            {t("concern")}
          </label>
          <select
            id={ids.concern}
            className={selectClass}
            value={filter.concern ?? ""}
            onChange={(e) => setFilter({ ...filter, concern: parseOption(e.target.value, CONCERNS) })}
          >
            <option value="">{t("anyConcern")}</option>
            {CONCERNS.map((c) => (
              <option key={c} value={c}>
                {tl(`concern.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.step} className="text-sm font-semibold text-slate-800">
            {t("step")}
          </label>
          <select
            id={ids.step}
            className={selectClass}
            value={filter.step ?? ""}
            onChange={(e) => setFilter({ ...filter, step: parseOption(e.target.value, ROUTINE_STEPS) })}
          >
            <option value="">{t("anyStep")}</option>
            {ROUTINE_STEPS.map((s) => (
              <option key={s} value={s}>
                {tl(`step.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.budget} className="text-sm font-semibold text-slate-800">
            {t("price")}
          </label>
          <select
            id={ids.budget}
            className={selectClass}
            value={filter.budget ?? ""}
            onChange={(e) => setFilter({ ...filter, budget: parseOption(e.target.value, BUDGETS) })}
          >
            <option value="">{t("anyPrice")}</option>
            {BUDGETS.map((b) => (
              <option key={b} value={b}>
                {tl(`budget.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <label
            htmlFor={ids.fragrance}
            className="flex min-h-11 cursor-pointer items-center gap-3 text-sm font-semibold text-slate-800"
          >
            <input
              id={ids.fragrance}
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={filter.fragranceFree === true}
              onChange={(e) => setFilter({ ...filter, fragranceFree: e.target.checked || undefined })}
            />
            {t("fragranceFreeOnly")}
          </label>
        </div>
      </form>

      <div className="flex items-center justify-between gap-3">
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {t("count", { shown: shown.length, total: products.length })}
        </p>
        {active ? (
          <button type="button" className={buttonStyles.ghost} onClick={() => setFilter({})}>
            {t("clear")}
          </button>
        ) : null}
      </div>

      {shown.length === 0 ? (
        <div className="rounded-2xl bg-slate-50 p-8 text-center">
          <p className="font-semibold text-slate-900">{t("noneTitle")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("noneHint")}</p>
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
        <button
          type="button"
          className={`${buttonStyles.secondary} self-center`}
          onClick={() => setLimit(limit + PAGE_SIZE)}
        >
          {t("showMore", { count: shown.length - limit })}
        </button>
      ) : null}
    </div>
  );
}
