import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

test("English by default, with lang on <html>", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: /Understand your skin/ })).toBeVisible();
});

test.describe("a browser that prefers Malay", () => {
  test.use({ locale: "ms-MY" });

  test("gets Bahasa Malaysia without choosing it", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ms");
    await expect(page.getByRole("heading", { level: 1, name: /Kenali kulit anda/ })).toBeVisible();
    await expectAccessible(page);
  });

  test("keeps every signed-out page within a 320 px phone, in Malay's longer words", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ["/", "/sign-in", "/privacy", "/products", "/guest", "/accuracy"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "ms");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      // One line: wrapped, it was 56 px tall and pushed the menu button out.
      const signIn = page.getByRole("banner").getByRole("link", { name: "Log masuk", exact: true });
      expect(await signIn.evaluate((link) => (link as HTMLElement).offsetHeight)).toBeLessThan(40);
    }
  });
});

test("the header switch changes the language and remembers it across reloads", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Tukar ke Bahasa Malaysia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await expect(page.getByRole("heading", { level: 1, name: /Kenali kulit anda/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mula semak kulit" })).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await expect(page.getByRole("navigation", { name: "Utama" }).getByRole("link", { name: "Produk" })).toBeVisible();

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: /Understand your skin/ })).toBeVisible();
});
