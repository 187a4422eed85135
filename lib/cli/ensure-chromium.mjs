// Playwright cannot download browsers on this network, so e2e uses Debian's Chromium from apt.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const INSTALL = "apt-get update && apt-get install -y chromium";

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it with:\n\n  sudo sh -c '${INSTALL}'\n`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${CHROMIUM}; installing it with apt…`);
  execSync(INSTALL, { stdio: "inherit", shell: "/bin/sh", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}
