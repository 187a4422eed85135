import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listNamespaceFiles, loadMessages, MESSAGES_DIR } from "./load-messages";
import { LOCALES } from "./locales";

/** "a.b.c" for every leaf string, so a missing or extra key in one language shows up by name. */
function flattenKeys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => flattenKeys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

/** The ICU argument names a message uses ({score}, {count, plural, …}, <strong>). */
function argumentNames(message: string): string[] {
  const names = new Set<string>();
  // Skips plural branches such as `one {goal}`, which are text, not arguments.
  for (const match of message.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*([A-Za-z0-9_]+)\s*[,}]/g)) {
    if (match[1]) names.add(match[1]);
  }
  for (const match of message.matchAll(/<([A-Za-z0-9_]+)>/g)) if (match[1]) names.add(`<${match[1]}>`);
  return [...names].sort();
}

/** Arguments English needs only to choose a plural form; Malay nouns do not inflect, so it may leave them out. */
function pluralOnly(message: string): string[] {
  return argumentNames(message).filter(
    (name) => message.includes(`{${name}, plural`) && !message.includes(`{${name}}`) && !message.includes("#"),
  );
}

function leafAt(messages: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);
}

describe("message catalogues", () => {
  it("has a folder for every locale and no other", () => {
    expect(readdirSync(MESSAGES_DIR).sort()).toEqual([...LOCALES].sort());
  });

  it("has the same namespace files in every locale", () => {
    const [first, ...rest] = LOCALES.map((locale) => listNamespaceFiles(join(MESSAGES_DIR, locale)));
    for (const files of rest) expect(files).toEqual(first);
  });

  const english = loadMessages("en");
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const other = loadMessages(locale);

    it(`has every key in both en and ${locale}`, () => {
      const enKeys = new Set(flattenKeys(english));
      const otherKeys = new Set(flattenKeys(other));
      expect(
        [...enKeys].filter((key) => !otherKeys.has(key)),
        `missing in ${locale}`,
      ).toEqual([]);
      expect(
        [...otherKeys].filter((key) => !enKeys.has(key)),
        `missing in en`,
      ).toEqual([]);
    });

    it(`uses the same placeholders in en and ${locale}`, () => {
      const mismatches = flattenKeys(english).flatMap((key) => {
        const en = leafAt(english, key);
        const translated = leafAt(other, key);
        if (typeof en !== "string" || typeof translated !== "string") return [];
        const optional = pluralOnly(en);
        const a = argumentNames(en).filter((name) => !optional.includes(name) || translated.includes(`{${name}`));
        const b = argumentNames(translated);
        return a.join(",") === b.join(",") ? [] : [`${key}: en {${a.join(",")}} vs ${locale} {${b.join(",")}}`];
      });
      expect(mismatches).toEqual([]);
    });

    it(`has no empty message in ${locale}`, () => {
      const empty = flattenKeys(other).filter((key) => {
        const value = leafAt(other, key);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty).toEqual([]);
    });
  }
});
