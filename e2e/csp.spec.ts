import { expect, test, type Page } from "@playwright/test";
import { FACE_JPEG } from "./support/fixture-paths";
import {
  answerSurvey,
  expectCompleteResults,
  sendPhoto,
  signUpViaUi,
  takeCameraPhoto,
  uploadPhoto,
} from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

/** Collects every CSP complaint: the DOM event (all directives) and Chromium's console line. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text()))
      violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
      );
    });
  });
  return violations;
}

test("the Authenticator, the camera, an upload and live updates all work under the CSP, with no violation", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  const first = await page.goto("/sign-in");
  expect(first?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  // The Authenticator (the same sign-in UI as Amplify mode).
  await signUpViaUi(page, undefined, "/analyze");
  await page.waitForURL("**/analyze");

  // Camera: getUserMedia preview and the captured blob: snapshot; then live stage updates over SSE.
  await answerSurvey(page);
  await takeCameraPhoto(page);
  await sendPhoto(page);
  // Live updates: the analysing stage is timed on screen only when the page saw it start and end over SSE
  // (stages under 0.1 s show no time), and the stepper reaches its last step without a reload.
  await expect(page.getByTestId("stage-time-analysing")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("analysis-stepper")).toHaveAttribute("data-stage", "done", { timeout: 60_000 });
  await expectCompleteResults(page);

  // Upload: a file read into a blob: preview, sent with progress.
  await page.goto("/analyze");
  await answerSurvey(page);
  await uploadPhoto(page, FACE_JPEG);
  await sendPhoto(page);
  await expectCompleteResults(page);

  expect(violations).toEqual([]);
});
