import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common.footer");
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>{t("disclaimer")}</p>
        <nav aria-label={t("label")}>
          <ul className="flex gap-4">
            <li>
              <Link href="/privacy" className="font-medium text-brand-700 underline-offset-4 hover:underline">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/products" className="font-medium text-brand-700 underline-offset-4 hover:underline">
                {t("products")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
