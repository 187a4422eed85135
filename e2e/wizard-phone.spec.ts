import { expect, test } from "@playwright/test";
import { signUpViaApi } from "./support/flows";

// Pixel 7's CSS viewport, where the issue measured step 3 at 1,950 px and the shutter at y = 983.
test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 412, height: 839 } });

test("wizard on a phone: errors clear once answered, limits hold while choosing, step 3 is short, the shutter is in view", async ({
  page,
}) => {
  await signUpViaApi(page);
  await page.goto("/analyze");
  await expect(page.getByText("Step 1 of 6")).toBeVisible();

  await page.getByRole("button", { name: "Next" }).click();
  const skinTypeError = page.getByText("Please choose your skin type.");
  await expect(skinTypeError).toBeVisible();
  await page.getByLabel("Oily", { exact: true }).check();
  await expect(skinTypeError).toHaveCount(0);
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  for (const label of ["Acne and breakouts", "Redness", "Visible pores", "Oiliness and shine"]) {
    await page.getByLabel(label, { exact: true }).check();
  }
  await page.getByLabel("Dullness", { exact: true }).click();
  await expect(page.getByLabel("Dullness", { exact: true })).not.toBeChecked();
  await expect(page.getByText("You can choose up to four. Untick one to choose another.")).toBeVisible();
  await page.getByLabel("Redness", { exact: true }).uncheck();
  await page.getByLabel("Dullness", { exact: true }).check();
  await expect(page.getByLabel("Dullness", { exact: true })).toBeChecked();
  await expect(page.getByText(/You can choose up to four/)).toHaveCount(0);
  await page.getByLabel("Clear breakouts", { exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(1600);
  await page.getByLabel("Rarely reacts", { exact: true }).check();
  await page.getByLabel("Fragrance is fine", { exact: true }).check();
  await page
    .getByRole("radiogroup", { name: /pregnant/i })
    .getByLabel("No", { exact: true })
    .check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("RM50–150 per product", { exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(/I agree that Skinsight may analyse my photo/).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 6 of 6")).toBeVisible();

  const shutter = page.getByRole("button", { name: "Take photo" });
  await expect(shutter).toBeEnabled();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await shutter.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(839);
});
