import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "@/components/testing/render";
import { SiteHeaderBar, type SiteHeaderLabels } from "./site-header-bar";

vi.mock("next/navigation", () => ({ usePathname: () => "/products/cosrx-snail" }));

// Bahasa Malaysia words, so the test shows the header renders what the server gave it, not built-in English.
const labels: SiteHeaderLabels = {
  skipToContent: "Langkau ke kandungan",
  brand: "Skinsight",
  nav: {
    label: "Utama",
    analyze: "Semak kulit",
    history: "Sejarah",
    products: "Produk",
    openMenu: "Buka menu",
    closeMenu: "Tutup menu",
  },
};

describe("SiteHeaderBar", () => {
  it("renders the server's words and marks the section of the current page", () => {
    renderUi(<SiteHeaderBar labels={labels} language={<span>EN</span>} account={<span>akaun</span>} />);
    expect(screen.getByRole("link", { name: "Langkau ke kandungan" }).getAttribute("href")).toBe("#main");
    const nav = screen.getByRole("navigation", { name: "Utama" });
    expect(nav.textContent).toContain("Semak kulit");
    expect(screen.getByRole("link", { name: "Produk" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Sejarah" }).getAttribute("aria-current")).toBeNull();
    expect(screen.getByText("EN")).toBeTruthy();
    expect(screen.getByText("akaun")).toBeTruthy();
  });

  it("opens and closes the phone menu with its translated label", async () => {
    const { user } = renderUi(<SiteHeaderBar labels={labels} language={null} account={null} />);
    await user.click(screen.getByRole("button", { name: "Buka menu" }));
    expect(screen.getAllByRole("navigation", { name: "Utama" })).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Tutup menu" }));
    expect(screen.getAllByRole("navigation", { name: "Utama" })).toHaveLength(1);
  });
});
