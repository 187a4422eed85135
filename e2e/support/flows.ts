import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { SCREENSHOT_DIR } from "./fixture-paths";

export const PASSWORD = "Correct horse battery 42";

let counter = 0;
/** Fresh users per test keep tests independent of each other's data. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.com`;
}

export async function signUpViaUi(page: Page, email = uniqueEmail("user"), next?: string): Promise<string> {
  await page.goto(`/sign-in?mode=sign-up${next ? `&next=${encodeURIComponent(next)}` : ""}`);
  await page.getByRole("tab", { name: "Create Account" }).click();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create Account" }).click();
  return email;
}

/** Signs a fresh user in through the local auth route; the cookie lands in the page's context. */
export async function signUpViaApi(page: Page, email = uniqueEmail("api")): Promise<string> {
  const response = await page.request.post("/api/local/auth/sign-up", { data: { email, password: PASSWORD } });
  expect(response.ok(), await response.text()).toBe(true);
  return email;
}

/** `keep`: the steps to tick under "Already have one you like?" (e.g. "Sunscreen"). */
export async function answerSurvey(page: Page, options: { keep?: string[] } = {}): Promise<void> {
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
  await page.getByLabel("Oily", { exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await page.getByLabel("Acne and breakouts", { exact: true }).check();
  await page.getByLabel("Visible pores", { exact: true }).check();
  await page.getByLabel("Clear breakouts", { exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  await page.getByLabel("Rarely reacts", { exact: true }).check();
  await page.getByLabel("Fragrance is fine", { exact: true }).check();
  await page
    .getByRole("radiogroup", { name: /pregnant/i })
    .getByLabel("No", { exact: true })
    .check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 4 of 6")).toBeVisible();
  await page.getByLabel("RM50–150 per product", { exact: true }).check();
  for (const step of options.keep ?? []) await page.getByLabel(step, { exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 5 of 6")).toBeVisible();
  await page.getByLabel(/I agree that Skinsight may analyse my photo/).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 6 of 6")).toBeVisible();
}

export async function takeCameraPhoto(page: Page): Promise<void> {
  const shutter = page.getByRole("button", { name: "Take photo" });
  await expect(shutter).toBeEnabled();
  await shutter.click();
  await expect(page.getByText(/Taking photo in/)).toBeVisible();
  await expect(page.getByRole("img", { name: "Your selfie, ready to send" })).toBeVisible({ timeout: 10_000 });
}

export async function uploadPhoto(page: Page, path: string): Promise<void> {
  await page.getByRole("button", { name: "Upload photo" }).click();
  await page.getByLabel("Choose a photo", { exact: true }).setInputFiles(path);
  await expect(page.getByRole("img", { name: "Your selfie, ready to send" })).toBeVisible();
}

/** Sends the photo and waits for the results page; returns the analysis id from the URL. */
export async function sendPhoto(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Analyse my skin" }).click();
  await page.waitForURL(/\/analyses\/[^/]+$/);
  const id = new URL(page.url()).pathname.split("/").pop();
  expect(id).toBeTruthy();
  return id ?? "";
}

export async function expectCompleteResults(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("product-card")).toHaveCount(3);
  await expect(page.getByTestId("score-card")).toHaveCount(6);
  await expect(page.getByTestId("findings-overlay")).toBeVisible();
}

/** No serious or critical axe violation on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next 16 streams metadata: after a client-side navigation the <title> lands a moment after the content.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header otherwise lands mid-page
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
