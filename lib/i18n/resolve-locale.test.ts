import { describe, expect, it } from "vitest";
import { resolveLocale } from "./resolve-locale";

describe("resolveLocale", () => {
  it.each([
    [{ cookie: "ms", acceptLanguage: "en-US,en;q=0.9" }, "ms"],
    [{ cookie: "en", acceptLanguage: "ms-MY" }, "en"],
    [{ cookie: "fr", acceptLanguage: "ms-MY,ms;q=0.9" }, "ms"],
    [{ cookie: null, acceptLanguage: "zh-CN,ms;q=0.8,en;q=0.5" }, "ms"],
    [{ cookie: null, acceptLanguage: "en;q=0.4,ms;q=0.9" }, "ms"],
    [{ cookie: null, acceptLanguage: "ms;q=0,en" }, "en"],
    [{ cookie: null, acceptLanguage: "zh-CN,ta" }, "en"],
    [{ cookie: null, acceptLanguage: ";;,q=,," }, "en"],
    [{}, "en"],
  ] as const)("%j → %s", (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });
});
