import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { LanguageSwitch } from "./language-switch";
import { SiteHeaderBar } from "./site-header-bar";

/**
 * The header on every page. Its words are translated here, on the server, and handed to the client parts as
 * props, so pages with no client-side translation of their own ship no translator (issue 12, first-load JS).
 * `account` is the account menu, given by the layout: ui/ imports no feature.
 */
export async function SiteHeader({ account }: { account: ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <SiteHeaderBar
      labels={{
        skipToContent: t("skipToContent"),
        brand: t("brand"),
        nav: {
          label: t("nav.label"),
          analyze: t("nav.analyze"),
          history: t("nav.history"),
          products: t("nav.products"),
          openMenu: t("nav.openMenu"),
          closeMenu: t("nav.closeMenu"),
        },
      }}
      language={
        <LanguageSwitch
          locale={isLocale(locale) ? locale : DEFAULT_LOCALE}
          labels={{
            switchTo: t("language.switchTo"),
            switchToShort: t("language.switchToShort"),
            switchLabel: t("language.switchLabel"),
            switching: t("language.switching"),
          }}
        />
      }
      account={account}
    />
  );
}
