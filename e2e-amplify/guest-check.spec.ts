import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { fakeAws, GUEST_IDENTITY } from "./support/fake-aws";
import { answerSurvey, expectAccessible, uploadPhoto } from "../e2e/support/flows";
import { loadCatalog } from "../lib/domain/catalog";
import { recommend } from "../lib/domain/recommend";
import { surveySchema } from "../lib/domain/survey";
import { makeAnalysis, makeReport } from "../testing/domain/records";

/**
 * A guest check in Amplify mode, end to end in the browser: the guest page no longer says "not
 * available", the photo goes to S3 under guest/<the guest's identity id>/ with the guest's (identity
 * pool) credentials, the runGuestCheck mutation is signed with them, and the result it returns is shown.
 * AWS is faked at the network layer (support/fake-aws.ts); the app build is the real Amplify-mode one.
 */
const PHOTO = join(process.cwd(), "test-results", "e2e-amplify", "guest-photo.jpg");

test.beforeAll(async () => {
  mkdirSync(join(PHOTO, ".."), { recursive: true });
  // The model is faked too, so any photo the capture step accepts will do.
  await sharp({ create: { width: 720, height: 960, channels: 3, background: { r: 205, g: 160, b: 140 } } })
    .jpeg()
    .toFile(PHOTO);
});

test("Amplify mode: a guest runs one check through runGuestCheck and sees the result; nothing says 'not available'", async ({
  page,
}) => {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  const calls = await fakeAws(page, (variables) => {
    const survey = surveySchema.parse(JSON.parse(String(variables.survey)));
    const report = makeReport();
    return {
      ok: true,
      analysis: makeAnalysis({
        id: String(variables.checkId),
        owner: "guest",
        status: "COMPLETE",
        survey,
        imageKey: null,
        report,
        recommendation: recommend(report, survey, loadCatalog()),
        completedAt: "2026-11-27T10:00:05.000Z",
      }),
    };
  });

  await page.goto("/privacy");
  await expect(page.getByTestId("guest-rule")).toContainText("never stored on our servers");

  await page.goto("/guest");
  await expect(page.getByTestId("guest-nothing-kept")).toBeVisible();
  await answerSurvey(page);
  await expect(page.getByText(/not available/i)).toHaveCount(0);
  await uploadPhoto(page, PHOTO);
  await page.getByRole("button", { name: "Analyse my skin" }).click();
  await page.waitForURL(/\/guest\/[0-9a-f-]{36}$/);
  const checkId = new URL(page.url()).pathname.split("/").pop() ?? "";

  await expect(page.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("product-card")).toHaveCount(3);
  await expect(page.getByTestId("guest-deleted")).toBeVisible();
  // The photo is shown from the page's own copy: the function deleted the uploaded one.
  await expect(page.getByTestId("findings-overlay")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create an account to keep this result" })).toBeVisible();
  await expectAccessible(page);

  const key = `guest/${GUEST_IDENTITY}/${checkId}.jpg`;
  const uploads = calls.filter((c) => c.service === "s3" && c.method === "PUT");
  expect(uploads.map((c) => decodeURIComponent(new URL(c.url).pathname))).toEqual([`/${key}`]);
  const mutations = calls.filter((c) => c.service === "appsync");
  expect(mutations).toHaveLength(1);
  expect(mutations[0]?.body).toMatchObject({ variables: { checkId, imageKey: key } });
  // Signed with the guest's identity-pool credentials (IAM), not a user-pool token.
  expect(mutations[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAFAKEGUEST\//);
  expect(uploads[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAFAKEGUEST\//);
  expect(calls.filter((c) => c.service === "other")).toEqual([]);
  expect(problems).toEqual([]);
});
