import { defineConfig, devices } from "@playwright/test";

/**
 * The Amplify-mode smoke e2e: the app built against fake amplify_outputs.json (e2e-amplify/), with
 * no network. Its own config so that `playwright test` runs for local mode do not build it.
 */
const PORT = Number(process.env.E2E_AMPLIFY_PORT ?? 3110);
const baseURL = `http://localhost:${PORT}`;
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "./e2e-amplify",
  outputDir: "./test-results/e2e-amplify",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: { baseURL, trace: "on-first-retry", launchOptions: chromium, ...devices["Desktop Chrome"] },
  projects: [{ name: "amplify-smoke", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  webServer: {
    command: "node e2e-amplify/serve-amplify-build.mjs",
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
