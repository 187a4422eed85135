import { expect, test } from "@playwright/test";
import {
  answerSurvey,
  expectCompleteResults,
  screenshot,
  sendPhoto,
  signUpViaUi,
  takeCameraPhoto,
} from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

test("sign up → wizard → camera → every live stage → results → history → delete", async ({ page }, testInfo) => {
  const tag = testInfo.project.name;
  // Signed out, the protected page sends us to sign in and back.
  await page.goto("/analyze");
  await page.waitForURL(/\/sign-in\?next=%2Fanalyze/);
  await signUpViaUi(page, undefined, "/analyze");
  await page.waitForURL("**/analyze");

  // They keep their own sunscreen, so the morning routine says to keep using it instead of naming a product.
  await answerSurvey(page, { keep: ["Sunscreen"] });
  await screenshot(page, `capture-${tag}`);
  await takeCameraPhoto(page);
  await sendPhoto(page);

  // A stage is timed on screen only if the page saw it start and end live, and only when it took 0.1 s or more.
  await expect(page.getByTestId("stage-time-analysing")).toBeVisible({ timeout: 60_000 });
  await expectCompleteResults(page);
  for (const time of await page.locator('[data-testid^="stage-time-"]').allTextContents()) {
    expect(time).toMatch(/^\d+\.\d s$/);
    expect(time).not.toBe("0.0 s");
  }
  // The answer first: the summary and the picks come before the score cards, on the phone too.
  const pickTop = (await page.getByTestId("product-card").first().boundingBox())?.y ?? Infinity;
  const scoreTop = (await page.getByTestId("score-card").first().boundingBox())?.y ?? -Infinity;
  const summaryTop = (await page.getByTestId("results-summary").boundingBox())?.y ?? Infinity;
  expect(summaryTop).toBeLessThan(pickTop);
  expect(pickTop).toBeLessThan(scoreTop);
  await expect(page.getByTestId("analysis-stepper")).toHaveAttribute("data-stage", "done");
  await expect(page.getByText("Keep using yours: your own sunscreen")).toBeVisible();
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

  await items
    .first()
    .getByRole("button", { name: /Delete/ })
    .click();
  const dialog = page.getByRole("dialog", { name: "Delete this skin check?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(items).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Start your first skin check" })).toBeVisible();
  // The Delete button went with its row; focus lands on the next step, not the page.
  await expect(page.getByRole("link", { name: "Start your first skin check" })).toBeFocused();

  // Deleted means gone: the history survives a reload empty.
  await page.reload();
  await expect(page.getByText("No skin checks yet")).toBeVisible();
});
