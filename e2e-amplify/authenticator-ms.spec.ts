import { expect, test } from "@playwright/test";
import { expectAccessible } from "../e2e/support/flows";

test.use({ locale: "ms-MY" });

/**
 * Amplify's own <Authenticator> (Cognito) in Bahasa Malaysia: @aws-amplify/ui ships no Malay, so these words
 * come from lib/i18n/amplify-vocabulary.ts. An English string left in its forms fails here.
 */
test("Amplify mode: the Cognito Authenticator's forms are in Bahasa Malaysia and pass axe", async ({ page }) => {
  await page.route(
    (url) => url.hostname !== "localhost",
    (route) => route.abort(),
  );
  await page.goto("/sign-in?mode=sign-up");
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await expect(page.getByRole("tab", { name: "Cipta Akaun" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("E-mel")).toBeVisible();
  await expect(page.getByLabel("Sahkan Kata Laluan")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cipta Akaun" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("tab", { name: "Log Masuk" }).click();
  await expect(page.getByRole("button", { name: "Lupa kata laluan?" })).toBeVisible();
  await expect(page.getByLabel("Kata laluan", { exact: true })).toBeVisible();
  for (const english of ["Sign In", "Sign in", "Create Account", "Forgot your password?", "Password", "Email"]) {
    await expect(page.getByRole("main").getByText(english, { exact: true })).toHaveCount(0);
  }
  await expectAccessible(page);
});
