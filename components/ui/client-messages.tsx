import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { TIME_ZONE } from "@/lib/i18n/locales";
import { pickNamespaces } from "@/lib/i18n/pick-namespaces";

/**
 * Gives the client components below it the messages of the named namespaces (plus `common`, which shared UI
 * such as the confirm dialog uses). Server components read every message directly and need none of this; keeping
 * the client's share small keeps each page's payload small. Only pages whose client components translate use it:
 * the layout's own client parts take their words as props, so other pages ship no next-intl client runtime.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone={TIME_ZONE}
      messages={pickNamespaces(messages, ["common", ...namespaces])}
    >
      {children}
    </NextIntlClientProvider>
  );
}
