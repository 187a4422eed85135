import { expect, test } from "@playwright/test";
import { answerSurvey, expectCompleteResults, screenshot, sendPhoto, signUpViaUi, takeCameraPhoto } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

test("sign up → wizard → camera → every live stage → results → history → delete", async ({ page }, testInfo) => {
  const tag = testInfo.project.name;
  // Signed out, the protected page sends us to sign in and back.
  await page.goto("/analyze");
  await page.waitForURL(/\/sign-in\?next=%2Fanalyze/);
  await signUpViaUi(page, undefined, "/analyze");
  await page.waitForURL("**/analyze");

  await answerSurvey(page);
  await screenshot(page, `capture-${tag}`);
  await takeCameraPhoto(page);
  await sendPhoto(page);

  // Each stage is timed on screen only if the page saw it start and end live.
  for (const stage of ["checking", "analysing", "choosing"]) {
    await expect(page.getByTestId(`stage-time-${stage}`)).toBeVisible({ timeout: 60_000 });
  }
  await expectCompleteResults(page);
  await expect(page.getByTestId("analysis-stepper")).toHaveAttribute("data-stage", "done");
  await screenshot(page, `results-${tag}`);

  const overlay = page.getByTestId("findings-overlay");
  await page.getByRole("button", { name: "Hide marks" }).click();
  await expect(overlay).toHaveCount(0);
  await page.getByRole("button", { name: "Show marks" }).click();
  await expect(overlay).toBeVisible();

  await page.getByRole("link", { name: "See your history" }).click();
  await page.waitForURL("**/history");
  const items = page.getByTestId("history-item");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Complete");
  await screenshot(page, `history-${tag}`);

  await items.first().getByRole("button", { name: /Delete/ }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this skin check?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(items).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Start your first skin check" })).toBeVisible();

  // Deleted means gone: the history survives a reload empty.
  await page.reload();
  await expect(page.getByText("No skin checks yet")).toBeVisible();
});
