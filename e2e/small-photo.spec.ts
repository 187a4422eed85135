import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { answerSurvey, signUpViaApi } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

test("a photo too small to check is refused when chosen, with its reason, and nothing is sent", async ({ page }) => {
  await signUpViaApi(page);
  await page.goto("/analyze");
  await answerSurvey(page);
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/local/analyses")) sent.push(`${request.method()} ${request.url()}`);
  });
  const form = page.locator("form[aria-labelledby='wizard-step-title']");
  await page.getByRole("button", { name: "Upload photo" }).click();
  const input = page.getByLabel("Choose a photo", { exact: true });
  // 1 × 1, and a strip that fitted within 1280 px would be sent as 1280 × 26.
  for (const [width, height] of [
    [1, 1],
    [20000, 400],
  ] as const) {
    const png = await sharp({ create: { width, height, channels: 3, background: "#d9a07b" } })
      .png()
      .toBuffer();
    await input.setInputFiles({ name: `${width}x${height}.png`, mimeType: "image/png", buffer: png });
    await expect(form.getByRole("alert")).toHaveText(/too small/);
    await expect(form.getByRole("alert")).not.toHaveText(/JPEG, PNG or WebP/);
    await expect(page.getByRole("img", { name: "Your selfie, ready to send" })).toHaveCount(0);
  }
  expect(sent).toEqual([]);
  const listed = (await (await page.request.get("/api/local/analyses")).json()) as { items: unknown[] };
  expect(listed.items).toEqual([]);
});
