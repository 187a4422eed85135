import { render, type RenderOptions } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import { loadMessages } from "@/lib/i18n/load-messages";
import { TIME_ZONE } from "@/lib/i18n/locales";

// Every namespace in English, read from lib/i18n/messages/en as the server does; a missing key fails the test.
const messages = loadMessages("en");

/**
 * What wraps every component in the app (layout providers). This is the one place to add one, so that
 * every component test gets it.
 */
function AppProviders({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider
      locale="en"
      timeZone={TIME_ZONE}
      messages={messages}
      onError={(error) => {
        throw error;
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}

/** Renders as the app would, with a user-event session for typing and clicking as a person does. */
export function renderUi(ui: ReactElement, options?: Omit<RenderOptions, "wrapper">) {
  return { user: userEvent.setup(), ...render(ui, { wrapper: AppProviders, ...options }) };
}
