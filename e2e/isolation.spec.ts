import { expect, test } from "@playwright/test";
import { signUpViaApi } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

const survey = {
  skinType: "dry",
  concerns: ["dryness"],
  goals: ["hydration"],
  sensitivity: "medium",
  currentActives: [],
  fragrance: "avoid",
  pregnancy: "prefer-not-to-say",
  budget: "under-50",
};

test("another user's result URL is not found, and so is its photo", async ({ page, browser, baseURL }) => {
  await signUpViaApi(page, undefined);
  const created = await page.request.post("/api/local/analyses", { data: { survey } });
  expect(created.ok()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/analyses/${id}`);
  // No photo was sent: the owner is told so (not shown an upload that never ends).
  await expect(page.getByRole("heading", { level: 1, name: "Your skin check" })).toBeAttached();
  await expect(page.getByText("This check has no photo")).toBeVisible();

  const other = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const intruder = await other.newPage();
  await signUpViaApi(intruder);
  await intruder.goto(`/analyses/${id}`);
  await expect(intruder.getByText("We couldn't find that analysis")).toBeVisible();
  await expect(intruder.getByTestId("analysis-stepper")).toHaveCount(0);
  const image = await intruder.request.get(`/api/local/analyses/${id}/image`);
  expect(image.status()).toBe(404);
  await other.close();
});
