import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";
import { LOCALES } from "./locales";
import { SLOT, splitAtSlot } from "./slot";

type Translate = {
  (key: string, values: Record<string, string>): string;
  markup(key: string, values: Record<string, string | ((chunks: string) => string)>): string;
};

describe("splitAtSlot", () => {
  it("returns the text on either side of the slot", () => {
    expect(splitAtSlot(`Menu for ${SLOT}.`)).toEqual({ before: "Menu for ", after: "." });
    expect(splitAtSlot(SLOT)).toEqual({ before: "", after: "" });
  });

  it.each([["no slot"], [`${SLOT} twice ${SLOT}`]])("throws on %j", (text) => {
    expect(() => splitAtSlot(text)).toThrow(/exactly one slot/);
  });

  // The account menu's two messages with the email, as account-menu.tsx translates them, in every language.
  it.each(LOCALES)("splits the account menu's email messages in %s", (locale) => {
    // Messages are untyped JSON here, as in the app (no next-intl AppConfig), so keys are plain strings.
    const messages = loadMessages(locale) as AbstractIntlMessages;
    const t = createTranslator({ locale, messages, namespace: "common.account" as never }) as unknown as Translate;
    const menuFor = splitAtSlot(t("menuFor", { email: SLOT }));
    const signedInAs = splitAtSlot(t.markup("signedInAs", { email: SLOT, strong: (chunks) => chunks }));
    expect(menuFor.before.length + menuFor.after.length).toBeGreaterThan(0);
    expect(signedInAs.before.length + signedInAs.after.length).toBeGreaterThan(0);
  });
});
