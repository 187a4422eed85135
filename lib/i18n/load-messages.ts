import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "./locales";

export type Messages = Record<string, unknown>;

/** Where the per-namespace JSON files live; next.config.mjs traces this folder into the server build. */
export const MESSAGES_DIR = join(process.cwd(), "lib", "i18n", "messages");

const cache = new Map<Locale, Messages>();

/**
 * Every `messages/<locale>/<namespace>.json`, merged as `{ [namespace]: content }`. The folder is read rather
 * than listed in code so that a feature adds its strings by adding one file, without editing a shared index.
 * Read once per process: the files are part of the build.
 */
export function loadMessages(locale: Locale, dir: string = MESSAGES_DIR): Messages {
  const cached = dir === MESSAGES_DIR ? cache.get(locale) : undefined;
  if (cached) return cached;
  const messages: Messages = {};
  for (const file of listNamespaceFiles(join(dir, locale))) {
    const content: unknown = JSON.parse(readFileSync(join(dir, locale, file), "utf8"));
    if (!content || typeof content !== "object" || Array.isArray(content)) {
      throw new Error(`${locale}/${file} must hold a JSON object of messages.`);
    }
    messages[file.replace(/\.json$/, "")] = content;
  }
  if (dir === MESSAGES_DIR && process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}

export function listNamespaceFiles(localeDir: string): string[] {
  return readdirSync(localeDir)
    .filter((file) => file.endsWith(".json"))
    .sort();
}
