import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderUi } from "@/components/testing/render";
import { ACTIVE_INGREDIENTS } from "@/lib/domain/catalog/product-options";
import { ProductCard, type ProductCardData } from "./product-card";

const product = (keyActives: ProductCardData["keyActives"]): ProductCardData => ({
  id: "p1",
  brand: "Brand",
  name: "Day Fluid SPF 50",
  step: "sunscreen",
  priceRm: 35,
  keyActives,
  am: true,
  pm: true,
  links: { shopee: "https://shopee.com.my/", lazada: "https://www.lazada.com.my/" },
});

const chips = () =>
  within(screen.getByText(/key actives|bahan aktif utama/i).nextElementSibling as HTMLElement)
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("ProductCard", () => {
  it("names the key actives and the time of day in Malay on a Malay page", () => {
    renderUi(<ProductCard product={product(["uv-filters", "azelaic-acid", "ceramides"])} />, { locale: "ms" });
    expect(chips()).toEqual(["Penapis UV", "Asid azelaik", "Seramida"]);
    expect(screen.getByText("Pagi")).toBeTruthy();
    expect(screen.getByText("Malam")).toBeTruthy();
  });

  it("has a name for every active the catalogue may list, in both languages", () => {
    for (const locale of ["en", "ms"] as const) {
      const { unmount } = renderUi(<ProductCard product={product(ACTIVE_INGREDIENTS)} />, { locale });
      const names = chips();
      expect(names).toHaveLength(ACTIVE_INGREDIENTS.length);
      // A missing message renders its key path; a name is words, not a slug.
      for (const name of names) expect(name).not.toMatch(/ingredient\.|-[a-z]/);
      unmount();
    }
  });
});
