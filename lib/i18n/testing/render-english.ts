import { createTranslator } from "next-intl";
import type { MessageValue } from "@/lib/domain/message";
import { loadMessages } from "../load-messages";
import { TIME_ZONE } from "../locales";
import { renderMessage, renderValue } from "../render-message";

const translators = new Map<"en" | "ms", (key: string, values?: Record<string, string | number>) => string>();

function translatorFor(locale: "en" | "ms") {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({ locale, messages: loadMessages(locale), timeZone: TIME_ZONE });
    // A missing key must fail the test, not render as its own name.
    t = (key, values) => {
      if (!translate.has(key as never)) throw new Error(`No ${locale} message for ${key}`);
      return translate(key as never, values as never);
    };
    translators.set(locale, t);
  }
  return t;
}

/** A domain message as a person reading that language sees it, for tests that check the words. */
export function renderIn(locale: "en" | "ms", value: MessageValue): string {
  const t = translatorFor(locale);
  return typeof value === "object" && "key" in value ? renderMessage(t, value, locale) : renderValue(t, value, locale);
}

export const renderEnglish = (value: MessageValue) => renderIn("en", value);
