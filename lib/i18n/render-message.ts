import { isMessage, type Message, type MessageValue } from "@/lib/domain/message";
import { toIntlLocale, type Locale } from "./locales";

/** next-intl's `t` (or any function like it) for the messages root. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A domain message in the person's language. Nested messages are rendered first and lists are joined the
 * locale's way ("a, b and c" / "a, b dan c"); a whole sentence starts with a capital letter even when its
 * first word is a parameter such as "your current retinoid".
 */
export function renderMessage(t: Translate, message: Message, locale: Locale): string {
  const text = renderValue(t, message, locale);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function renderValue(t: Translate, value: MessageValue, locale: Locale): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (!isMessage(value)) {
    const type = value.join === "and" ? "conjunction" : "disjunction";
    return new Intl.ListFormat(toIntlLocale(locale), { type }).format(
      value.items.map((v) => renderValue(t, v, locale)),
    );
  }
  const values: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value.params ?? {})) {
    // Numbers stay numbers so ICU plural and number formatting can use them.
    values[name] = typeof param === "number" ? param : renderValue(t, param, locale);
  }
  return t(value.key, values);
}
