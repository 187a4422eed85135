import { join } from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { FACE_JPEG, FIXTURE_DIR, NO_FACE_JPEG } from "./support/fixture-paths";
import { answerSurvey, expectCompleteResults, sendPhoto, signUpViaApi, uploadPhoto } from "./support/flows";
import {
  countWorkerEncodes,
  jpegSampling,
  keepPreparedPhoto,
  preparedPhoto,
  workerEncodes,
} from "./support/jpeg-sampling";
import { jpegQuality, lowestJpegQuality } from "../lib/domain/jpeg-quality";
import { QUALITY_ISSUE_MESSAGES } from "../lib/domain/skin-report";

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page }) => {
  await signUpViaApi(page);
  await keepPreparedPhoto(page);
  await countWorkerEncodes(page);
  await page.goto("/analyze");
  await answerSurvey(page);
});

test("upload path: a photo file gives complete results", async ({ page }) => {
  await uploadPhoto(page, FACE_JPEG);
  await expect(page.getByText(/Resized to \d+×\d+ px/)).toBeVisible();
  // The photo goes up with its colour at full resolution (image-processing.ts encodeFullColourJpeg).
  expect(jpegSampling(await preparedPhoto(page))).toBe("4:4:4");
  // Encoded off the page's thread, so the page stays responsive meanwhile.
  expect(await workerEncodes(page)).toBe(1);
  await sendPhoto(page);
  await expectCompleteResults(page);

  // One disclaimer per page, product sizes on the pick cards.
  await expect(page.getByText(/not medical advice/i)).toHaveCount(1);
  const cards = page.getByTestId("product-card");
  for (let i = 0; i < 3; i++) await expect(cards.nth(i)).toContainText(/RM\s?[\d,]+\.\d\d · \d/);

  // The answers the picks used: collapsed, then shown, then back to the wizard to change them.
  const answers = page.getByTestId("answers-used");
  await expect(answers.getByText("Skin type")).toBeHidden();
  await answers.getByText("The answers these picks used").click();
  await expect(answers.getByText("Oily", { exact: true })).toBeVisible();
  await answers.getByRole("button", { name: "Change your answers" }).click();
  await page.waitForURL("**/analyze");
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
  await expect(page.getByLabel("Oily", { exact: true })).toBeChecked();
});

test("a chat app's compressed copy: the review asks for the original, and the breakouts card says why it is less sure", async ({
  page,
}) => {
  const copy = join(FIXTURE_DIR, "face-chat-copy.jpg");
  await sharp(FACE_JPEG).jpeg({ quality: 60 }).toFile(copy);
  await uploadPhoto(page, copy);
  await expect(page.getByText(/saved with strong compression, as chat apps do/)).toBeVisible();
  // Re-encoded at 90 for upload, it still says what it was re-encoded from; the card below shows the analyzer read
  // that through the local backend's own re-encode.
  const sent = await preparedPhoto(page);
  expect([jpegQuality(sent), lowestJpegQuality(sent)]).toEqual([90, 60]);
  await sendPhoto(page);
  await expectCompleteResults(page);
  const breakouts = page.getByTestId("score-card").filter({ has: page.getByRole("heading", { name: "Breakouts" }) });
  await expect(breakouts).toContainText(/Confidence: \w+ \(\d+%\) · this photo was saved with strong compression/);
});

test("upload progress moves in steps on a slow connection", async ({ page }) => {
  // Throttle uploads so progress events have time to arrive: fetch alone would jump from 0 to 100%.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 32 * 1024,
  });
  await uploadPhoto(page, FACE_JPEG);
  await page.getByRole("button", { name: "Analyse my skin" }).click();
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toHaveAttribute(
    "aria-valuenow",
    /^[1-9]\d?$/,
  );
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.waitForURL(/\/analyses\/[^/]+$/);
  await expectCompleteResults(page);
});

test("a wrong type or an oversized file is refused before anything is sent", async ({ page }) => {
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/local/analyses")) uploads.push(request.method());
  });
  await page.getByRole("button", { name: "Upload photo" }).click();
  const input = page.getByLabel("Choose a photo");
  const form = page.locator("form[aria-labelledby='wizard-step-title']");

  await input.setInputFiles({ name: "notes.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
  await expect(form.getByRole("alert")).toHaveText(/JPEG, PNG or WebP/);

  await input.setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(16 * 1024 * 1024, 1) });
  await expect(form.getByRole("alert")).toHaveText(/15 MB or smaller/);
  expect(uploads).toEqual([]);
});

test("failure: a photo without a face says why, and a retake succeeds", async ({ page }) => {
  await uploadPhoto(page, NO_FACE_JPEG);
  const failedId = await sendPhoto(page);
  const panel = page.getByTestId("failure-panel");
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await expect(panel).toContainText(QUALITY_ISSUE_MESSAGES.NO_FACE);
  await expect(panel.getByRole("button", { name: "Try again" })).toHaveCount(0);

  await panel.getByRole("button", { name: "Retake photo" }).click();
  await page.waitForURL("**/analyze");
  // The survey is reused: straight back to the selfie step.
  await expect(page.getByText("Step 6 of 6")).toBeVisible();
  await uploadPhoto(page, FACE_JPEG);
  const newId = await sendPhoto(page);
  expect(newId).not.toBe(failedId);
  await expectCompleteResults(page);
  // The retake replaced the failed check: history shows one check, and the failed one is gone.
  await page.goto("/history");
  await expect(page.getByTestId("history-item")).toHaveCount(1);
  await page.goto(`/analyses/${failedId}`);
  await expect(page.getByRole("heading", { name: "We couldn't find that analysis" })).toBeVisible();
});

test("history: a failed photo reads 'Photo not usable', and one action clears failed checks", async ({ page }) => {
  await uploadPhoto(page, NO_FACE_JPEG);
  await sendPhoto(page);
  await expect(page.getByTestId("failure-panel")).toBeVisible({ timeout: 60_000 });
  await page.goto("/analyze");
  for (let step = 1; step < 6; step++) await page.getByRole("button", { name: "Next" }).click(); // answers kept
  await uploadPhoto(page, NO_FACE_JPEG);
  await sendPhoto(page);
  await expect(page.getByTestId("failure-panel")).toBeVisible({ timeout: 60_000 });

  await page.goto("/history");
  const items = page.getByTestId("history-item");
  await expect(items).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    await expect(items.nth(i).getByRole("link")).toContainText("Photo not usable");
    await expect(items.nth(i)).not.toContainText("Needs attention");
    await expect(items.nth(i)).not.toContainText("(your answer)");
  }
  await page.getByRole("button", { name: "Clear failed checks" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete failed checks" }).click();
  await expect(page.getByText("No skin checks yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Start your first skin check" })).toBeFocused();
});
