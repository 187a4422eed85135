import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { answerSurvey, signUpViaApi } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

test("a 1×1 PNG is told the photo is too small, not to use a JPEG, PNG or WebP", async ({ page }) => {
  await signUpViaApi(page);
  await page.goto("/analyze");
  await answerSurvey(page);
  const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#d9a07b" } })
    .png()
    .toBuffer();
  await page.getByRole("button", { name: "Upload photo" }).click();
  await page
    .getByLabel("Choose a photo", { exact: true })
    .setInputFiles({ name: "tiny.png", mimeType: "image/png", buffer: tiny });
  await expect(page.getByRole("img", { name: "Your selfie, ready to send" })).toBeVisible();
  await page.getByRole("button", { name: "Analyse my skin" }).click();
  const form = page.locator("form[aria-labelledby='wizard-step-title']");
  await expect(form.getByRole("alert")).toHaveText(/too small/);
  await expect(form.getByRole("alert")).not.toHaveText(/JPEG, PNG or WebP/);
});
