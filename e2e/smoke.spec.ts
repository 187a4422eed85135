import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("landing page explains the product and leads to the skin check", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /start your skin check/i })).toHaveAttribute("href", "/analyze");
  await expect(page.getByText(/not medical advice/i).first()).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
