import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { AUTH_STATE, FAKE_CAMERA_Y4M } from "./e2e/support/fixture-paths";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Every run gets a fresh local database and upload folder. The runner's workers load this file too; they
// inherit E2E_DATA_DIR, so only the process that made the folder owns it.
const ownsDataDir = !process.env.E2E_DATA_DIR;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "skinsight-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
// The run's accounts and selfies go when the runner exits, after it has stopped the web server. A folder
// given in E2E_DATA_DIR is the caller's to keep.
if (ownsDataDir) process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

const chromium = {
  // Playwright cannot download browsers here; Debian's Chromium comes from apt.
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    // A fake front camera fed with a face photo (e2e/global-setup.ts writes the y4m).
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-video-capture=${FAKE_CAMERA_Y4M}`,
  ],
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  globalSetup: "./e2e/global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: { baseURL, trace: "on-first-retry", launchOptions: chromium, permissions: ["camera"] },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "desktop",
      testIgnore: /auth\.setup\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, storageState: AUTH_STATE },
    },
    {
      name: "mobile",
      testMatch: /main-flow\.spec\.ts/,
      use: { ...devices["Pixel 7"], launchOptions: chromium },
    },
  ],
  webServer: {
    command: "node lib/cli/start.mjs",
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    // Every spec signs up from 127.0.0.1: the per-client sign-up limit would stop the run.
    env: { PORT: String(PORT), DATA_DIR: dataDir, BACKEND_MODE: "local", SIGN_UPS_PER_HOUR: "100000" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
