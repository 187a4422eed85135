import { expect, test } from "@playwright/test";

/**
 * The app built in Amplify mode from fake outputs (serve-amplify-build.mjs), with every request
 * that leaves localhost refused: pages must render, the sign-in page must show the Cognito
 * Authenticator configured from the outputs compiled in at build time, and nothing may log an error.
 */
test("Amplify mode: pages render, sign-in shows the Authenticator from the build's outputs, no console error", async ({
  page,
}) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  const external: string[] = [];
  await page.route(
    (url) => url.hostname !== "localhost",
    (route) => {
      external.push(route.request().url());
      return route.abort();
    },
  );

  for (const [path, heading] of [
    ["/", /Understand your skin/],
    ["/privacy", "Privacy and your data"],
    ["/products", "Product catalogue"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }

  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in or create your account" })).toBeVisible();
  // A first visit lands on Create Account (issue 12); the Sign In tab carries the reset link.
  await expect(page.getByRole("tab", { name: "Create Account" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("tab", { name: "Sign In" }).click();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Local mode hides the reset link (no e-mail there); with Cognito configured the Authenticator offers it.
  await expect(page.getByRole("button", { name: /forgot your password/i })).toBeVisible();

  // The password rules come from the outputs (min_length 14 in the fake), not from the app's 12.
  await page.goto("/sign-in?mode=sign-up");
  await page.getByLabel("Password", { exact: true }).fill("Short1a");
  await page.getByLabel("Password", { exact: true }).blur();
  await expect(page.getByText(/at least 14 characters/i)).toBeVisible();

  expect(external).toEqual([]);
  expect(problems).toEqual([]);
});
