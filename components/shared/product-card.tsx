import { useTranslations } from "next-intl";
import { useLocaleFormat } from "@/components/ui/use-locale-format";
import { useRenderMessage } from "@/components/ui/use-render-message";
import type { Product } from "@/lib/domain/catalog/product";
import type { RoutineStep } from "@/lib/domain/catalog/product-options";
import { describeMessage, type Message } from "@/lib/domain/message";
import type { Pick as RecommendationPick } from "@/lib/domain/recommend/recommendation";
import { StepTile } from "./step-tile";

/** What a product card shows; both catalog products and recommendation picks map onto it. */
export interface ProductCardData {
  id: string;
  brand: string;
  name: string;
  step: RoutineStep;
  priceRm: number;
  size?: string;
  keyActives: readonly string[];
  am: boolean;
  pm: boolean;
  links: { shopee: string; lazada: string };
  reasons?: readonly Message[];
  /** Why a pick is priced outside the person's budget band. */
  budgetNote?: Message;
  badges?: readonly ("fragranceFree" | "sensitiveOk")[];
}

export function fromPick(pick: RecommendationPick): ProductCardData {
  return { ...pick, id: pick.productId };
}

export function fromProduct(product: Product): ProductCardData {
  const badges = [product.fragranceFree ? "fragranceFree" : null, product.sensitiveOk ? "sensitiveOk" : null].filter(
    (b): b is "fragranceFree" | "sensitiveOk" => b !== null,
  );
  return { ...product, am: product.use.am, pm: product.use.pm, badges };
}

export function ProductCard({ product, headingLevel = 3 }: { product: ProductCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useTranslations("results.card");
  const tl = useTranslations("labels");
  const render = useRenderMessage();
  const format = useLocaleFormat();
  const when = [product.am ? t("morning") : null, product.pm ? t("evening") : null].filter(
    (w): w is string => w !== null,
  );
  return (
    <article
      className="flex h-full flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="product-card"
    >
      <div className="flex items-start justify-between gap-3">
        <span className="rounded-full bg-brand-50 px-3 py-1 text-xs font-semibold text-brand-700">
          {tl(`step.${product.step}`)}
        </span>
        <span className="flex gap-1" aria-label={t("useWhen", { when: format.list(when) })}>
          {product.am ? (
            <span className="rounded-md bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">{t("amBadge")}</span>
          ) : null}
          {product.pm ? (
            <span className="rounded-md bg-indigo-100 px-2 py-0.5 text-xs font-bold text-indigo-900">
              {t("pmBadge")}
            </span>
          ) : null}
        </span>
      </div>
      <div className="flex items-start gap-3">
        <StepTile step={product.step} />
        <div>
          <p className="text-sm font-medium text-slate-600">{product.brand}</p>
          <Heading className="text-lg leading-snug font-semibold text-slate-900">{product.name}</Heading>
          <p className="mt-1 text-base font-semibold text-slate-900">
            {format.rm(product.priceRm)}
            {product.size ? <span className="font-normal text-slate-600"> · {product.size}</span> : null}
          </p>
        </div>
      </div>
      {product.budgetNote ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="budget-note">
          {render(product.budgetNote)}
        </p>
      ) : null}
      {product.keyActives.length > 0 ? (
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("keyActives")}</p>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {product.keyActives.map((active) => (
              <li key={active} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-800">
                {tl(`ingredient.${active}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {product.badges && product.badges.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5">
          {product.badges.map((badge) => (
            <li key={badge} className="rounded-full border border-brand-100 px-2.5 py-0.5 text-xs text-brand-700">
              {t(badge)}
            </li>
          ))}
        </ul>
      ) : null}
      {product.reasons && product.reasons.length > 0 ? (
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("why")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {product.reasons.map((reason) => (
              <li key={describeMessage(reason)}>{render(reason)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-auto flex gap-2 pt-2">
        <a
          href={product.links.shopee}
          target="_blank"
          rel="noopener noreferrer"
          className="flex-1 rounded-full bg-orange-700 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-orange-800"
        >
          Shopee<span className="sr-only">: {t("opensNewTab", { name: product.name })}</span>
        </a>
        <a
          href={product.links.lazada}
          target="_blank"
          rel="noopener noreferrer"
          className="flex-1 rounded-full bg-indigo-800 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-indigo-900"
        >
          Lazada<span className="sr-only">: {t("opensNewTab", { name: product.name })}</span>
        </a>
      </div>
    </article>
  );
}
