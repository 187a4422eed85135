import { expect, test } from "@playwright/test";
import { expectAccessible, PASSWORD, signUpViaApi, uniqueEmail } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] }, locale: "ms-MY" });

test("in Bahasa Malaysia: both tabs of the sign-in form speak Malay, with no English left, and pass axe", async ({
  page,
}) => {
  await page.goto("/sign-in?mode=sign-up");
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await expect(page.getByRole("heading", { level: 1, name: "Log masuk atau cipta akaun anda" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Cipta Akaun" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("E-mel", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Sahkan Kata Laluan", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Kata laluan mesti ada" })).toContainText("Sekurang-kurangnya 12 aksara");
  await page.getByLabel("Kata laluan", { exact: true }).fill("pendek");
  await page.getByLabel("Sahkan Kata Laluan", { exact: true }).fill("lain");
  await page.getByRole("button", { name: "Cipta Akaun" }).click();
  await expect(page.getByText("Kata laluan anda perlukan sekurang-kurangnya 12 aksara.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("tab", { name: "Log Masuk" }).click();
  await expect(page.getByRole("button", { name: "Log masuk", exact: true })).toBeVisible();
  await expect(page.getByLabel("Kata laluan", { exact: true })).toBeVisible();
  const form = page.getByRole("main");
  for (const english of ["Sign in", "Create Account", "Password", "Email"]) {
    await expect(form.getByText(english, { exact: true })).toHaveCount(0);
  }
  await expectAccessible(page);
});

test("in Bahasa Malaysia: deleting the account asks for the password, and a wrong one deletes nothing", async ({
  page,
}) => {
  await signUpViaApi(page, uniqueEmail("padam"));
  await page.goto("/account");
  await page.getByRole("button", { name: "Padam akaun saya" }).click();
  const dialog = page.getByRole("dialog");
  const password = dialog.getByLabel("Kata laluan anda, untuk mengesahkan");
  await expect(dialog.getByRole("button", { name: "Padam semuanya" })).toBeDisabled();
  await password.fill(`${PASSWORD}x`);
  await dialog.getByRole("button", { name: "Padam semuanya" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Kata laluan itu salah. Tiada apa-apa yang dipadam.");
  await expectAccessible(page);
  expect(await (await page.request.get("/api/local/auth/me")).json()).toMatchObject({
    user: { id: expect.any(String) },
  });

  await password.fill(PASSWORD);
  await dialog.getByRole("button", { name: "Padam semuanya" }).click();
  await page.waitForURL("**/account/deleted");
  expect(await (await page.request.get("/api/local/auth/me")).json()).toEqual({ user: null });
});
