import { describe, expect, it } from "vitest";
import { filterProducts, loadCatalog, matchesQuery, sortProducts } from "./index";

const catalog = loadCatalog();

describe("catalogue search", () => {
  it.each([
    [
      "niacinamide",
      (p: (typeof catalog)[number]) => p.keyActives.includes("niacinamide") || /niacinamide/i.test(p.name),
    ],
    ["cerave", (p: (typeof catalog)[number]) => p.brand === "CeraVe"],
    ["vitamin c", (p: (typeof catalog)[number]) => p.keyActives.includes("vitamin-c") || /vitamin c/i.test(p.name)],
  ])("%s finds exactly the products with it in brand, name or actives", (query, expected) => {
    const found = filterProducts(catalog, { query }).map((p) => p.id);
    expect(found.length).toBeGreaterThan(0);
    expect(found.sort()).toEqual(
      catalog
        .filter(expected)
        .map((p) => p.id)
        .sort(),
    );
  });

  it("matches every word in any order and ignores case and accents", () => {
    const product = { brand: "Bioré", name: "UV Aqua Rich Watery Essence", keyActives: ["uv-filters" as const] };
    expect(matchesQuery(product, "essence biore")).toBe(true);
    expect(matchesQuery(product, "BIORÉ uv filters")).toBe(true);
    expect(matchesQuery(product, "biore retinol")).toBe(false);
    expect(matchesQuery(product, "   ")).toBe(true);
  });
});

describe("catalogue sort", () => {
  it("sorts by price both ways without losing a product", () => {
    const up = sortProducts(catalog, "price-asc").map((p) => p.priceRm);
    const down = sortProducts(catalog, "price-desc").map((p) => p.priceRm);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(up).toHaveLength(catalog.length);
  });

  it("does not change the list it is given", () => {
    const copy = [...catalog];
    sortProducts(catalog, "price-desc");
    expect(catalog).toEqual(copy);
  });
});
