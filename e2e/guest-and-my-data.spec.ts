import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { FACE_JPEG } from "./support/fixture-paths";
import { answerSurvey, expectAccessible, PASSWORD, signUpViaApi, uniqueEmail, uploadPhoto } from "./support/flows";

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

// playwright.config.ts gives the server this fresh DATA_DIR.
const dataDir = () => process.env.E2E_DATA_DIR ?? "";

/** Rows of any table that mention one of `needles`, read from the running server's database. */
function rowsMentioning(...needles: string[]): string[] {
  const db = new Database(join(dataDir(), "skinsight.db"), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      db
        .prepare(`SELECT * FROM ${name}`)
        .all()
        .map((row) => `${name}: ${JSON.stringify(row)}`)
        .filter((text) => needles.some((needle) => text.toLowerCase().includes(needle.toLowerCase()))),
    );
  } finally {
    db.close();
  }
}

const uploadFolders = () => (existsSync(join(dataDir(), "uploads")) ? readdirSync(join(dataDir(), "uploads")) : []);

async function newVisitor(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test("a guest check runs without an account, keeps nothing once shown, and moves into a new account", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Try one check without an account" }).click();
  await page.waitForURL("**/guest");
  await expect(page.getByTestId("guest-nothing-kept")).toContainText("Nothing is kept");
  await expectAccessible(page);

  await answerSurvey(page);
  await uploadPhoto(page, FACE_JPEG);
  await page.getByRole("button", { name: "Analyse my skin" }).click();
  await page.waitForURL(/\/guest\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";

  await expect(page.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("product-card")).toHaveCount(3);
  // The photo is shown from the page's own copy: the server has already deleted it.
  await expect(page.getByTestId("findings-overlay")).toBeVisible();
  await expect(page.getByTestId("guest-deleted")).toContainText("have now been deleted");
  await expect.poll(() => rowsMentioning(id)).toEqual([]);
  expect(uploadFolders().filter((name) => name.startsWith("guest-"))).toEqual([]);
  expect((await page.request.get(`/api/local/analyses/${id}`)).status()).toBe(401);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Create an account to keep this result" }).click();
  await page.waitForURL(/\/sign-in\?/);
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("guest-keeper"));
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create Account" }).click();
  await page.waitForURL(`**/analyses/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible();
  await expect(page.getByTestId("product-card")).toHaveCount(3);
  await page.goto("/history");
  await expect(page.getByTestId("history-item")).toHaveCount(1);
});

test("a guest cannot reach another guest's or a user's analysis, photo or events, nor they the guest's", async ({
  page,
  browser,
  baseURL,
}) => {
  expect((await page.request.post("/api/local/guest")).status()).toBe(201);
  const created = await page.request.post("/api/local/analyses", { data: { survey } });
  expect(created.status()).toBe(201);
  const guests = (await created.json()) as { id: string };

  const otherGuest = await newVisitor(browser, baseURL);
  await otherGuest.request.post("/api/local/guest");
  const user = await newVisitor(browser, baseURL);
  await signUpViaApi(user);
  const usersOwn = (await (await user.request.post("/api/local/analyses", { data: { survey } })).json()) as {
    id: string;
  };

  for (const [visitor, id] of [
    [otherGuest, guests.id],
    [user, guests.id],
    [page, usersOwn.id],
    [otherGuest, usersOwn.id],
  ] as const) {
    for (const path of [
      `/api/local/analyses/${id}`,
      `/api/local/analyses/${id}/image`,
      `/api/local/events?analysisId=${id}`,
    ]) {
      expect((await visitor.request.get(path)).status(), path).toBe(404);
    }
  }
  await otherGuest.goto(`/guest/${guests.id}`);
  await expect(otherGuest.getByRole("heading", { level: 1, name: "This guest check has ended" })).toBeVisible();
  // Said once: not a hidden h1 and a visible h2 of the same words.
  await expect(otherGuest.getByRole("heading", { name: "This guest check has ended" })).toHaveCount(1);
  await otherGuest.context().close();
  await user.context().close();
});

test("download my data, then delete my account: nothing of the user is left", async ({ page }) => {
  const email = await signUpViaApi(page, uniqueEmail("leaver"));
  const me = (await (await page.request.get("/api/local/auth/me")).json()) as { user: { id: string } };
  await page.goto("/analyze");
  await answerSurvey(page);
  await uploadPhoto(page, FACE_JPEG);
  await page.getByRole("button", { name: "Analyse my skin" }).click();
  await page.waitForURL(/\/analyses\/[^/]+$/);
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expect(page.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible({ timeout: 60_000 });

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("link", { name: "Your data", exact: true }).click();
  await page.waitForURL("**/account");
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^skinsight-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path()) ?? "")));
  const analysisFile = Object.keys(files).find((name) => name.startsWith("analyses/") && name.endsWith(`${id}.json`));
  const exported = JSON.parse(strFromU8(files[analysisFile ?? ""] ?? new Uint8Array())) as Record<string, unknown>;
  expect(exported).toMatchObject({
    id,
    status: "COMPLETE",
    survey: expect.any(Object),
    report: expect.any(Object),
    recommendation: expect.any(Object),
  });
  expect(files[`photos/${id}.jpg`]?.subarray(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
  expect(rowsMentioning(me.user.id).length).toBeGreaterThan(0);
  expect(uploadFolders()).toContain(me.user.id);

  await page.getByRole("button", { name: "Delete my account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  // The password is asked again; a wrong one deletes nothing.
  await dialog.getByLabel("Your password, to confirm").fill(`${PASSWORD}x`);
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("That password isn't right. Nothing was deleted.");
  expect(rowsMentioning(me.user.id).length).toBeGreaterThan(0);
  expect(uploadFolders()).toContain(me.user.id);
  await dialog.getByLabel("Your password, to confirm").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await page.waitForURL("**/account/deleted");
  await expect(page.getByRole("heading", { level: 1, name: "Your account has been deleted" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect(rowsMentioning(me.user.id, email, id)).toEqual([]);
  expect(uploadFolders()).not.toContain(me.user.id);
  expect((await page.request.get("/api/local/auth/me")).ok()).toBe(true);
  expect(await (await page.request.get("/api/local/auth/me")).json()).toEqual({ user: null });
});
