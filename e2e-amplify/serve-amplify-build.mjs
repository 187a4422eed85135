// The Amplify smoke e2e's web server: builds the app in Amplify mode from fake outputs kept in a
// temp dir (never the repo root, where amplify_outputs.json would switch every later build to
// Amplify mode), into its own distDir so the local build in .next is untouched, then serves it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAKE_OUTPUTS } from "./fake-outputs.mjs";

const port = process.env.PORT ?? "3110";
const dir = mkdtempSync(join(tmpdir(), "skinsight-amplify-smoke-"));
const outputsPath = join(dir, "amplify_outputs.json");
writeFileSync(outputsPath, JSON.stringify(FAKE_OUTPUTS, null, 2));

const env = {
  ...process.env,
  BACKEND_MODE: "amplify",
  AMPLIFY_OUTPUTS_PATH: outputsPath,
  NEXT_DIST_DIR: ".next-amplify-smoke",
  NEXT_TELEMETRY_DISABLED: "1",
};
const next = join("node_modules", "next", "dist", "bin", "next");
const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
if (build.status !== 0) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, [next, "start", "-p", port], { stdio: "inherit", env });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
