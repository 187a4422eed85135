import { expect, test, type Locator, type Page } from "@playwright/test";

/** Presses Tab until the target has focus: what a keyboard user does. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("the whole wizard works with the keyboard alone, and answers survive a refresh", async ({ page }) => {
  await page.goto("/analyze");
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
  const next = page.getByRole("button", { name: "Next" });
  const form = page.locator("form[aria-labelledby='wizard-step-title']");

  // Next without an answer: a plain-words error and focus on the first option.
  await tabTo(page, next);
  await page.keyboard.press("Enter");
  await expect(form.getByText("Please choose your skin type.")).toBeVisible();
  await expect(page.getByLabel("Normal", { exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown"); // radios select as focus moves
  await expect(page.getByLabel("Oily", { exact: true })).toBeChecked();
  await tabTo(page, next);
  await page.keyboard.press("Enter");

  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Concerns and goals" })).toBeFocused();
  await tabTo(page, page.getByLabel("Redness", { exact: true }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByLabel("Hydration", { exact: true }));
  await page.keyboard.press("Space");
  await tabTo(page, next);
  await page.keyboard.press("Enter");

  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  // A radio group is one Tab stop; arrow keys move (and select) within it.
  await tabTo(page, page.getByLabel("Rarely reacts", { exact: true }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Often reacts to new products", { exact: true })).toBeChecked();
  await tabTo(page, page.getByLabel("Fragrance is fine", { exact: true }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByLabel("Avoid fragrance", { exact: true })).toBeChecked();
  await tabTo(page, page.getByLabel("Yes", { exact: true }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Prefer not to say", { exact: true })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Back" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await expect(page.getByLabel("Redness", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Hydration", { exact: true })).toBeChecked();
  await tabTo(page, next);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Avoid fragrance", { exact: true })).toBeChecked();
  await tabTo(page, next);
  await page.keyboard.press("Enter");

  await expect(page.getByText("Step 4 of 6")).toBeVisible();
  await tabTo(page, page.getByLabel("Under RM50 per product", { exact: true }));
  await page.keyboard.press("Space");
  await tabTo(page, next);
  await page.keyboard.press("Enter");

  await expect(page.getByText("Step 5 of 6")).toBeVisible();
  await tabTo(page, next);
  await page.keyboard.press("Enter");
  await expect(form.getByText("Please confirm you agree before taking the photo.")).toBeVisible();
  const consent = page.getByLabel(/I agree that Skinsight may analyse my photo/);
  await expect(consent).toBeFocused();
  await page.keyboard.press("Space");
  await tabTo(page, next);
  await page.keyboard.press("Enter");

  await expect(page.getByText("Step 6 of 6")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Take photo" }));
  await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("img", { name: "Your selfie, ready to send" })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("button", { name: "Analyse my skin" })).toBeVisible();
});
