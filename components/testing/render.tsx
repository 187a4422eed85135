import { render, type RenderOptions } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import { loadMessages } from "@/lib/i18n/load-messages";
import { TIME_ZONE, type Locale } from "@/lib/i18n/locales";

// Every namespace, read from lib/i18n/messages as the server does; a missing key fails the test. English unless asked.
const messagesOf = { en: loadMessages("en"), ms: loadMessages("ms") } satisfies Record<Locale, unknown>;

/**
 * What wraps every component in the app (layout providers). This is the one place to add one, so that
 * every component test gets it.
 */
function AppProviders({ children, locale = "en" }: { children: ReactNode; locale?: Locale }) {
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone={TIME_ZONE}
      messages={messagesOf[locale]}
      onError={(error) => {
        throw error;
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}

/** Renders as the app would, in `locale` (English by default), with a user-event session for typing and clicking as a person does. */
export function renderUi(
  ui: ReactElement,
  { locale, ...options }: Omit<RenderOptions, "wrapper"> & { locale?: Locale } = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => <AppProviders locale={locale}>{children}</AppProviders>;
  return { user: userEvent.setup(), ...render(ui, { wrapper, ...options }) };
}
