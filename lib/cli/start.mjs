// `npm start`: build when the sources are newer than the last build, then serve local mode on :3000.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["instrumentation.ts", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];
const NEXT_BIN = join("node_modules", "next", "dist", "bin", "next");
const BUILD_ID = join(".next", "BUILD_ID");

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function needsBuild() {
  if (!existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newestMtime(p) > built);
}

if (needsBuild()) {
  console.log("Building Skinsight (first run or sources changed)…");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, BACKEND_MODE: process.env.BACKEND_MODE ?? "local" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// Next's own binary, not npx, so Ctrl-C reaches the server directly and no wrapper outlives it.
const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "-H", process.env.HOST ?? "0.0.0.0"], {
  stdio: "inherit",
  env: { ...process.env, BACKEND_MODE: process.env.BACKEND_MODE ?? "local" },
});
console.log(
  `Skinsight (local mode) on http://localhost:${port} — data in ${process.env.DATA_DIR ?? ".data"}/; Ctrl-C stops it`,
);

// Forward Ctrl-C / SIGTERM so the server (and the model child it owns) shut down cleanly.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}
// Next exits 130/143 after a graceful signal shutdown; that is a clean stop, not a failure.
server.on("exit", (code, signal) => process.exit(stopping || signal ? 0 : (code ?? 1)));
