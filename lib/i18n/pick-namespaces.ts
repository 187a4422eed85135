import type { Messages } from "./load-messages";

/**
 * Only the namespaces a client component renders go to the browser: every message sent to the client is
 * part of the page's payload, and the landing page has a size budget.
 */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const name of namespaces) if (name in messages) picked[name] = messages[name];
  return picked;
}
