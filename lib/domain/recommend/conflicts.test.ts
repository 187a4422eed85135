import { describe, expect, it } from "vitest";
import { addsConflict, findConflicts, type ActiveSource } from "./conflicts";
import type { ActiveIngredient } from "../catalog/product";

const src = (label: string, actives: ActiveIngredient[], leaveOn = true): ActiveSource => ({
  label,
  productId: label,
  actives,
  leaveOn,
});

describe("findConflicts", () => {
  it.each([
    { sources: [src("r", ["retinoid"]), src("g", ["aha"])], codes: ["RETINOID_WITH_ACIDS"] },
    { sources: [src("r", ["retinoid"]), src("s", ["bha"])], codes: ["RETINOID_WITH_ACIDS"] },
    { sources: [src("bp", ["benzoyl-peroxide"]), src("r", ["retinoid"])], codes: ["BENZOYL_PEROXIDE_WITH_RETINOID"] },
    { sources: [src("c", ["vitamin-c"]), src("g", ["aha"])], codes: ["VITAMIN_C_WITH_ACIDS"] },
    { sources: [src("g", ["aha"]), src("s", ["bha"])], codes: ["MULTIPLE_EXFOLIANTS"] },
    { sources: [src("r", ["retinoid"]), src("wash", ["bha"], false)], codes: [] },
    { sources: [src("peel", ["aha", "bha"])], codes: [] },
    { sources: [src("n", ["niacinamide"]), src("c", ["vitamin-c"])], codes: [] },
  ])("$sources.length sources → $codes", ({ sources, codes }) => {
    expect(findConflicts(sources).map((c) => c.code)).toEqual(codes);
  });

  it("names the clashing sources", () => {
    const [conflict] = findConflicts([src("your current retinoid", ["retinoid"]), src("Glycolic Toner", ["aha"])]);
    expect(conflict?.sources.map((s) => s.label)).toEqual(["your current retinoid", "Glycolic Toner"]);
  });

  it("flags only new conflicts when adding a source", () => {
    const existing = [src("r", ["retinoid"]), src("g", ["aha"])];
    expect(addsConflict(src("n", ["niacinamide"]), existing)).toBe(false);
    expect(addsConflict(src("c", ["vitamin-c"]), existing)).toBe(true);
  });
});
