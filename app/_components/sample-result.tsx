import { getLocale, getTranslations } from "next-intl/server";
import { summariseResults } from "@/components/results/summary";
import { fromPick, ProductCard } from "@/components/shared/product-card";
import { loadCatalog } from "@/lib/domain/catalog";
import { recommend } from "@/lib/domain/recommend";
import type { Survey } from "@/lib/domain/survey";
import { isLocale } from "@/lib/i18n/locales";
import { renderMessage } from "@/lib/i18n/render-message";

const SAMPLE: Survey = {
  skinType: "combination",
  concerns: ["acne", "pores"],
  goals: ["clear-breakouts"],
  sensitivity: "medium",
  currentActives: [],
  fragrance: "ok",
  pregnancy: "no",
  budget: "50-150",
};

/**
 * What a result looks like, built at build time by the real recommender and the real product cards, so the
 * landing page shows the product without a stock image and without any client JavaScript.
 */
export async function SampleResult() {
  const [t, tAll, current] = await Promise.all([getTranslations("home.sample"), getTranslations(), getLocale()]);
  const locale = isLocale(current) ? current : "en";
  const recommendation = recommend(null, SAMPLE, loadCatalog());
  return (
    <section aria-labelledby="sample-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="sample-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          {t("heading")}
        </h2>
        <p className="mt-1 text-slate-700">
          {t("lead")}{" "}
          <span className="text-slate-600">
            {summariseResults(SAMPLE, recommendation)
              .map((m) => renderMessage((key, values) => tAll(key, values), m, locale))
              .join(" ")}
          </span>
        </p>
      </div>
      <ul className="grid gap-4 md:grid-cols-3">
        {recommendation.picks.map((pick) => (
          <li key={pick.productId}>
            <ProductCard product={{ ...fromPick(pick), reasons: pick.reasons.slice(0, 1) }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
