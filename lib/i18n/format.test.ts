import { describe, expect, it } from "vitest";
import { formatDateTime, formatList, formatRm } from "./format";

describe("Malaysian formats per locale", () => {
  it("writes RM prices the Malaysian way in both languages", () => {
    expect(formatRm(1045.5, "en").replace(/\s/g, " ")).toBe("RM 1,045.50");
    expect(formatRm(45, "ms").replace(/\s/g, " ")).toBe("RM 45.00");
  });

  it("names months and joins lists in the person's language", () => {
    const date = "2026-11-27T07:12:00Z"; // 3:12 pm in Kuala Lumpur
    expect(formatDateTime(date, "en", { dateStyle: "medium", timeStyle: "short" })).toMatch(/27 Nov 2026.*3:12/);
    expect(formatDateTime(date, "ms", { dateStyle: "medium", timeStyle: "short" })).toMatch(/27 Nov 2026.*3:12 PTG/);
    expect(formatList(["a", "b", "c"], "ms")).toBe("a, b dan c");
    expect(formatList(["a", "b"], "en", "or")).toBe("a or b");
  });
});
