import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

test("a new visitor lands on Create account, sees the password rules up front, and stale errors clear", async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "warning" || msg.type() === "error") warnings.push(msg.text());
  });
  await page.goto("/");
  await page.getByRole("link", { name: "Start your skin check" }).click();
  await page.waitForURL(/\/sign-in\?next=%2Fanalyze/);
  await expect(page.getByRole("tab", { name: "Create Account" })).toHaveAttribute("aria-selected", "true");

  const form = page.getByRole("tabpanel");
  const rules = form.getByRole("list", { name: "Password must have" });
  await expect(rules).toContainText("At least 12 characters");
  await expect(rules).toContainText("A capital letter");

  const password = form.getByLabel("Password", { exact: true });
  const confirm = form.getByLabel("Confirm Password", { exact: true });
  await form.getByLabel("Email", { exact: true }).fill(uniqueEmail("account"));
  await password.fill("tenletters");
  await confirm.focus();
  await expect(form.getByText("Your password needs at least 12 characters.")).toBeVisible();
  await password.fill("twelve letters 1");
  await expect(form.getByText(/needs at least 12 characters/)).toHaveCount(0);
  await expect(form.getByText("Your password needs at least one capital letter.")).toBeVisible();
  await expect(rules.getByText("At least 12 characters")).toHaveAttribute("data-ok", "true");

  await password.fill(PASSWORD);
  await confirm.fill("Something else 42");
  await confirm.blur();
  await expect(form.getByText("The two passwords do not match.")).toBeVisible();
  await expect(form.getByText(/Your password needs/)).toHaveCount(0);
  await confirm.fill(PASSWORD);
  await expect(form.getByText("The two passwords do not match.")).toHaveCount(0);

  await form.getByRole("button", { name: "Create Account" }).click();
  await page.waitForURL("**/analyze");
  expect(warnings.filter((w) => /Amplify has not been configured/i.test(w))).toEqual([]);
});

test("the site has a favicon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/icon/);
});
