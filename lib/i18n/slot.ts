/**
 * A message with one value only the browser knows (the signed-in email) is translated on the server with this
 * stand-in for the value, then split around it: the client joins the halves and the value, with no translator.
 * A private-use character, so no translation can contain it by accident.
 */
export const SLOT = "\uE000";

/** The text before and after the slot; a message that lost or doubled its placeholder fails loudly. */
export function splitAtSlot(text: string): { before: string; after: string } {
  const parts = text.split(SLOT);
  const [before, after] = parts;
  if (parts.length !== 2 || before === undefined || after === undefined) {
    throw new Error(`Expected exactly one slot in the message "${text.replaceAll(SLOT, "{…}")}".`);
  }
  return { before, after };
}
