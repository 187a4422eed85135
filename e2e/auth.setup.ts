import { expect, test as setup } from "@playwright/test";
import { AUTH_STATE } from "./support/fixture-paths";
import { signUpViaUi } from "./support/flows";

setup("sign up once through the Authenticator and keep the session", async ({ page }) => {
  await signUpViaUi(page, undefined, "/history");
  await page.waitForURL("**/history");
  await expect(page.getByRole("heading", { level: 1, name: "Your history" })).toBeVisible();
  await page.context().storageState({ path: AUTH_STATE });
});
