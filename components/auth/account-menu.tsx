import { getTranslations } from "next-intl/server";
import { SLOT, splitAtSlot } from "@/lib/i18n/slot";
import { AccountMenuView } from "./account-menu-view";

/**
 * The header's account menu. Its words are translated here, on the server, so the pages that have no client-side
 * translation of their own ship no translator; the signed-in email is slotted in by the browser.
 */
export async function AccountMenu() {
  const t = await getTranslations("common.account");
  return (
    <AccountMenuView
      labels={{
        signIn: t("signIn"),
        menuFor: splitAtSlot(t("menuFor", { email: SLOT })),
        // Only the email is emphasised, in both languages, so the emphasis is the client's to add.
        signedInAs: splitAtSlot(t.markup("signedInAs", { email: SLOT, strong: (chunks) => chunks })),
        yourAnalyses: t("yourAnalyses"),
        yourData: t("yourData"),
        privacy: t("privacy"),
        signOut: t("signOut"),
        signingOut: t("signingOut"),
      }}
    />
  );
}
