import { describe, expect, it } from "vitest";
import { BUDGETS } from "../survey";
import {
  catalogSchema,
  filterProducts,
  findProduct,
  inBudget,
  inPriceBand,
  lazadaSearchUrl,
  loadCatalog,
  priceBand,
  productsByStep,
  ROUTINE_STEPS,
  shopeeSearchUrl,
} from "./index";
import rawCatalog from "./products.json";

const catalog = loadCatalog();

describe("products.json", () => {
  it("matches the catalog schema", () => {
    expect(catalogSchema.safeParse(rawCatalog).success).toBe(true);
  });

  it("has at least 60 products from at least 15 brands, with unique ids", () => {
    expect(catalog.length).toBeGreaterThanOrEqual(60);
    expect(new Set(catalog.map((p) => p.brand)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(catalog.map((p) => p.id)).size).toBe(catalog.length);
  });

  it.each(ROUTINE_STEPS)("has products at the %s step", (step) => {
    expect(productsByStep(catalog, step).length).toBeGreaterThanOrEqual(3);
  });

  it.each(BUDGETS)("has at least 10 products priced in the %s band", (band) => {
    expect(catalog.filter((p) => priceBand(p.priceRm) === band).length).toBeGreaterThanOrEqual(10);
  });

  it("builds every Shopee and Lazada link from the brand and product name", () => {
    for (const p of catalog) {
      expect(p.links.shopee).toBe(shopeeSearchUrl(p.brand, p.name));
      expect(p.links.lazada).toBe(lazadaSearchUrl(p.brand, p.name));
    }
  });

  it("never marks a retinoid or a salicylic acid above 2% as pregnancy-safe", () => {
    const unsafe = catalog.filter(
      (p) => p.pregnancySafe && (p.keyActives.includes("retinoid") || (p.salicylicPercent ?? 0) > 2),
    );
    expect(unsafe.map((p) => p.id)).toEqual([]);
  });

  it("marks every retinoid and 5%+ benzoyl peroxide as strong, and no strong product as sensitive-ok", () => {
    const retinoids = catalog.filter((p) => p.keyActives.includes("retinoid"));
    expect(retinoids.length).toBeGreaterThan(0);
    expect(retinoids.every((p) => p.strength === "strong")).toBe(true);
    expect(findProduct(catalog, "benzac-ac-5-gel")?.strength).toBe("strong");
    expect(catalog.filter((p) => p.strength === "strong" && p.sensitiveOk).map((p) => p.id)).toEqual([]);
  });

  it("uses sunscreen in the morning only", () => {
    expect(productsByStep(catalog, "sunscreen").every((p) => p.use.am && !p.use.pm)).toBe(true);
  });

  it("gives salicylic products a salicylic percentage only when they carry BHA", () => {
    const stray = catalog.filter((p) => p.salicylicPercent !== undefined && !p.keyActives.includes("bha"));
    expect(stray.map((p) => p.id)).toEqual([]);
  });
});

describe("loadCatalog", () => {
  it("returns a fresh copy each time, so callers cannot change the shared one", () => {
    const first = loadCatalog();
    first.pop();
    expect(loadCatalog().length).toBe(catalog.length);
  });
});

describe("budget helpers", () => {
  it.each([
    [49.99, "under-50"],
    [50, "50-150"],
    [150, "50-150"],
    [150.01, "over-150"],
    [830, "over-150"],
  ] as const)("puts RM%s in the %s band", (price, band) => {
    expect(priceBand(price)).toBe(band);
    expect(inPriceBand({ priceRm: price }, band)).toBe(true);
  });

  it("treats a budget as a ceiling: a RM30 product is affordable on every budget, a RM200 one only over RM150", () => {
    expect(BUDGETS.every((b) => inBudget({ priceRm: 30 }, b))).toBe(true);
    expect(BUDGETS.filter((b) => inBudget({ priceRm: 200 }, b))).toEqual(["over-150"]);
  });
});

describe("filterProducts", () => {
  it("combines concern, step, band and fragrance filters", () => {
    const found = filterProducts(catalog, {
      concern: "acne",
      step: "cleanser",
      budget: "under-50",
      fragranceFree: true,
    });
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      expect(p.concerns).toContain("acne");
      expect(p.step).toBe("cleanser");
      expect(p.priceRm).toBeLessThan(50);
      expect(p.fragranceFree).toBe(true);
    }
  });

  it("returns the whole catalog in routine order when no filter is given", () => {
    const all = filterProducts(catalog, {});
    expect(all.length).toBe(catalog.length);
    expect(all[0]?.step).toBe("cleanser");
    expect(all.at(-1)?.step).toBe("sunscreen");
  });

  it("honours the sensitive and pregnancy flags", () => {
    const found = filterProducts(catalog, { sensitiveOk: true, pregnancySafe: true });
    expect(found.every((p) => p.sensitiveOk && p.pregnancySafe)).toBe(true);
    expect(found.length).toBeLessThan(catalog.length);
  });
});
