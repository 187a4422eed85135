/**
 * Text the domain produces for a person, as a message key and its parameters; the UI renders it in the
 * person's language (lib/i18n/render-message.ts). A parameter is a plain value, another message (a concern's
 * name, a score's name), or a list of either that the renderer joins with the locale's "and"/"or".
 * Product names and brands are passed as plain strings: they stay as sold.
 */
export interface Message {
  key: string;
  params?: { [name: string]: MessageValue };
}
export interface MessageList {
  items: MessageValue[];
  join: "and" | "or";
}
export type MessageValue = string | number | Message | MessageList;

export function message(key: string, params?: Message["params"]): Message {
  return params === undefined ? { key } : { key, params };
}

export function listOf(items: MessageValue[], join: MessageList["join"] = "and"): MessageList {
  return { items, join };
}

export function isMessage(value: MessageValue): value is Message {
  return typeof value === "object" && "key" in value;
}

/** Renders stored text that no key could be recovered for, as it was written. */
export const STORED_TEXT_KEY = "common.storedText";

/** A message in its parameters' raw form, for tests and logs: "recommend.reason.score(score=…)". */
export function describeMessage(value: MessageValue): string {
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (!isMessage(value)) return `[${value.items.map(describeMessage).join(` ${value.join} `)}]`;
  const params = Object.entries(value.params ?? {}).map(([name, v]) => `${name}=${describeMessage(v)}`);
  return params.length > 0 ? `${value.key}(${params.join(", ")})` : value.key;
}
