import { describe, expect, it } from "vitest";
import { parseDraft } from "./survey-storage";

describe("parseDraft", () => {
  it("keeps valid answers and the step", () => {
    const raw = JSON.stringify({ values: { skinType: "oily", concerns: ["acne"], budget: "50-150" }, step: 3 });
    expect(parseDraft(raw)).toEqual({ values: { skinType: "oily", concerns: ["acne"], budget: "50-150" }, step: 3 });
  });

  it("keeps the failed analysis a retake replaces, and drops a malformed one", () => {
    const ok = JSON.stringify({ values: {}, step: 6, replaces: "abc-123" });
    expect(parseDraft(ok)?.replaces).toBe("abc-123");
    const bad = JSON.stringify({ values: {}, step: 6, replaces: "../../etc" });
    expect(parseDraft(bad)).toEqual({ values: {}, step: 6 });
  });

  it("drops answers that are no longer valid options", () => {
    const raw = JSON.stringify({
      values: { skinType: "scaly", concerns: ["acne", "warts"], fragrance: "avoid" },
      step: 2,
    });
    expect(parseDraft(raw)).toEqual({ values: { fragrance: "avoid" }, step: 2 });
  });

  it.each([
    ["not json", null],
    ["null", null],
    [JSON.stringify({ values: {}, step: 99 }), { values: {}, step: 6 }],
    [JSON.stringify({ values: {}, step: -2 }), { values: {}, step: 1 }],
    [JSON.stringify({ values: {}, step: "3" }), { values: {}, step: 1 }],
  ])("survives a broken draft %s", (raw, expected) => {
    expect(parseDraft(raw)).toEqual(expected);
  });
});
