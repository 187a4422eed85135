import { expect, test, type Page } from "@playwright/test";
import { FACE_JPEG, NO_FACE_JPEG } from "./support/fixture-paths";
import {
  answerSurvey,
  expectAccessible,
  expectCompleteResults,
  screenshot,
  sendPhoto,
  signUpViaApi,
  uploadPhoto,
} from "./support/flows";

const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 390, height: 844 },
] as const;

/** axe at both sizes (the phone layout has its own menu), plus a full-page screenshot of each. */
async function checkPage(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectAccessible(page);
    await screenshot(page, `${name}-${size.name}`);
  }
  await page.setViewportSize(SIZES[0]);
}

test.use({ storageState: { cookies: [], origins: [] } });

test("public pages: no serious axe violation, screenshots at both sizes", async ({ page }) => {
  for (const [path, name, heading] of [
    ["/", "landing", /Understand your skin/],
    ["/privacy", "privacy", "Privacy and your data"],
    ["/products", "products", "Product catalogue"],
    ["/accuracy", "accuracy", "How accurate is Skinsight?"],
    ["/sign-in", "sign-in", "Sign in or create your account"],
    ["/no-such-page", "not-found", "Page not found"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeAttached();
    if (name === "sign-in") {
      await expect(page.getByRole("tab", { name: "Create Account" })).toHaveAttribute("aria-selected", "true");
    }
    await checkPage(page, name);
  }
  await page.goto("/sign-in?mode=sign-up");
  await expect(page.getByLabel("Confirm Password")).toBeVisible();
  await checkPage(page, "sign-up");
});

test("accuracy: a table per photo set by tone group, naturally dark skin as photographed last", async ({ page }) => {
  await page.goto("/accuracy");
  const captions = page.getByRole("figure").locator("figcaption");
  await expect(captions).toHaveText([
    /^Photos we tuned on \(\d+ faces\)$/,
    /^Photos we never tuned on \(\d+ faces\)$/,
    /^People with naturally dark skin, as photographed \(never tuned on\) \(\d+ faces\)$/,
  ]);
  const darkSkin = page.getByRole("figure").last();
  await expect(darkSkin.getByRole("rowheader", { name: "Dark" })).toBeVisible();
  await expect(page.getByText(/where the analyser still finds less/)).toBeVisible();
  // The full report a person can open, not a file name in the source.
  await page.getByRole("link", { name: "full report" }).click();
  await page.waitForURL("**/accuracy/report");
  await expect(page.locator("body")).toContainText("# Analyzer evaluation");
  await expect(page.locator("body")).toContainText("## Held-out split (never tuned on)");
});

test("products: filters narrow the catalogue and say how many match", async ({ page }) => {
  await page.goto("/products");
  const count = page.getByRole("status").filter({ hasText: /of \d+ products/ });
  const total = Number((await count.textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(3);
  await page.getByLabel("Routine step").selectOption({ label: "Sunscreen" });
  await page.getByLabel("Fragrance-free only").check();
  await expect(count).not.toHaveText(`${total} of ${total} products`);
  const cards = page.getByTestId("product-card");
  const shown = await cards.count();
  expect(shown).toBeGreaterThan(0);
  for (let i = 0; i < shown; i++) {
    await expect(cards.nth(i)).toContainText("Sunscreen");
    await expect(cards.nth(i)).toContainText("Fragrance-free");
  }
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(count).toHaveText(`${total} of ${total} products`);
});

test("products: search, sort by price, a visual per product, and what brand-neutral means", async ({ page }) => {
  await page.goto("/products");
  await expect(page.getByTestId("brand-neutral")).toContainText("no brand pays");
  const cards = page.getByTestId("product-card");
  await expect(cards.first().getByTestId("step-tile")).toBeAttached();
  expect(await cards.getByTestId("step-tile").count()).toBe(await cards.count());

  await page.getByLabel("Search").fill("niacinamide");
  const count = page.getByRole("status").filter({ hasText: /of \d+ products/ });
  await expect(count).not.toHaveText(/^(\d+) of \1 products$/);
  const shown = await cards.count();
  expect(shown).toBeGreaterThan(0);
  for (let i = 0; i < shown; i++) await expect(cards.nth(i)).toContainText(/niacinamide/i);

  await page.getByLabel("Search").fill("");
  await page.getByLabel("Sort by").selectOption({ label: "Price: low to high" });
  // en-MY writes "RM 45.00" (a no-break space after RM) and groups thousands with commas.
  const prices = (await cards.locator("p", { hasText: /^RM\s?\d/ }).allTextContents()).map((t) =>
    Number(t.match(/^RM\s?([\d,.]+)/)?.[1]?.replace(/,/g, "")),
  );
  expect(prices.length).toBeGreaterThan(3);
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
});

test("signed-in pages: wizard steps, results, failure and history pass axe", async ({ page }) => {
  await signUpViaApi(page);
  await page.goto("/history");
  await expect(page.getByText("No skin checks yet")).toBeVisible();
  await checkPage(page, "history-empty");

  await page.goto("/analyze");
  await checkPage(page, "wizard-step-1");
  await answerSurvey(page);
  await checkPage(page, "wizard-step-6-camera");
  await uploadPhoto(page, FACE_JPEG);
  await checkPage(page, "wizard-step-6-preview");
  await sendPhoto(page);
  await expectCompleteResults(page);
  await checkPage(page, "results-complete");

  await page.goto("/analyze");
  await page.getByRole("button", { name: "Next" }).click(); // answers kept: straight through
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  for (let step = 2; step < 6; step++) await page.getByRole("button", { name: "Next" }).click();
  await uploadPhoto(page, NO_FACE_JPEG);
  await sendPhoto(page);
  await expect(page.getByTestId("failure-panel")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("failure-panel")).toContainText("We need a better photo");
  await checkPage(page, "results-failed");

  // A second completed check gives the history its trend charts.
  await page.getByRole("button", { name: "Retake photo" }).click();
  await uploadPhoto(page, FACE_JPEG);
  await sendPhoto(page);
  await expectCompleteResults(page);

  await page.goto("/history");
  // Two: the retake replaced the failed check.
  await expect(page.getByTestId("history-item")).toHaveCount(2);
  const trends = page.getByTestId("trend-charts");
  // One figure per score; a score not measurable in this photo says so instead of a chart: pores at its resolution,
  // and redness, as the photo's bar lights differ in colour between the two cheeks (lib/analyzer/mixed-light.ts).
  await expect(trends.getByRole("figure")).toHaveCount(6);
  await expect(trends.getByRole("img")).toHaveCount(4);
  await expect(trends.getByText(/Not measurable in these photos/)).toHaveCount(2);
  // Each with its own reason, as the results card gave it.
  await expect(trends.getByRole("figure").filter({ hasText: /^Redness/ })).toContainText(/light's colour changed/);
  await expect(trends.getByRole("figure").filter({ hasText: /^Pores/ })).toContainText(/closer, sharper photo/);
  await expect(trends.getByRole("img", { name: /^Breakouts: no real change/ })).toBeVisible();
  await checkPage(page, "history");
  await page
    .getByTestId("history-item")
    .first()
    .getByRole("button", { name: /Delete/ })
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await checkPage(page, "history-delete-dialog");
});

test("one not-medical-advice line per public page", async ({ page }) => {
  for (const path of ["/", "/privacy", "/products", "/sign-in"]) {
    await page.goto(path);
    await expect(page.getByText(/not medical advice/i), path).toHaveCount(1);
  }
});
