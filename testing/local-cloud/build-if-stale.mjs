// Run under `flock /tmp/build.lock`: rebuilds .next only when a source is newer than the last
// build. Checking inside the lock means parallel test files build once, not once each.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "next.config.mjs",
  "package.json",
  "postcss.config.mjs",
];
const IGNORED = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;

function newest(path) {
  if (!existsSync(path) || IGNORED.test(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newest(join(path, entry))), 0);
}

const buildId = join(".next", "BUILD_ID");
const stale = !existsSync(buildId) || SOURCES.some((p) => newest(p) > statSync(buildId).mtimeMs);
if (stale) {
  const result = spawnSync(process.execPath, [join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, BACKEND_MODE: "local", NEXT_TELEMETRY_DISABLED: "1" },
  });
  process.exit(result.status ?? 1);
}
