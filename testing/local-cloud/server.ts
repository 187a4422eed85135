import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startModelStub } from "./model-stub";

// Tests and benches run from the repository root (vitest and npm scripts both do).
const ROOT = process.cwd();
const LOCK = "/tmp/build.lock";

/**
 * Builds the app when its sources changed (under the team's build lock), then copies the build
 * into a private directory so a teammate's rebuild cannot pull it from under a running test.
 * Call it from a beforeAll with a generous timeout: a cold build takes a minute or more.
 */
export function prepareBuild(): string {
  const build = spawnSync("flock", [LOCK, process.execPath, "testing/local-cloud/build-if-stale.mjs"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("next build failed");
  const dir = mkdtempSync(join(tmpdir(), "skinsight-app-"));
  // Hold the lock while copying so we never copy a half-written build.
  const copy = spawnSync("flock", [LOCK, "cp", "-r", join(ROOT, ".next"), join(dir, ".next")], { stdio: "inherit" });
  if (copy.status !== 0) throw new Error("copying the build failed");
  rmSync(join(dir, ".next", "cache"), { recursive: true, force: true });
  for (const entry of [
    "node_modules",
    "package.json",
    "next.config.mjs",
    "public",
    "lib",
    "amplify",
    "tsconfig.json",
  ]) {
    if (existsSync(join(ROOT, entry))) symlinkSync(join(ROOT, entry), join(dir, entry));
  }
  return dir;
}

/** beforeAll timeout for files that call prepareBuild: a cold build waits for the lock, then builds. */
export const BUILD_TIMEOUT_MS = 10 * 60 * 1000;

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed so far (also echoed to this process), for tests that assert on logs. */
  output: string[];
  /** Resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** The local cloud's parts from /api/local/diagnostics (the public /api/health names none of them). */
  diagnostics(): Promise<Diagnostics>;
}

/** What tests read from /api/local/diagnostics (lib/local-cloud/health.ts has the whole shape). */
export interface Diagnostics {
  ok: boolean;
  model: { status: string; pid: number | null; restarts: number };
  jobs: { active: number; queued: number };
  streams: number;
}

/** `next start` on a prepared build with its own DATA_DIR; resolves once /api/health answers. */
export async function startServer(appDir: string, env: Record<string, string>, port?: number): Promise<RunningServer> {
  const p = port ?? (await freePort());
  const diagnosticsToken = randomBytes(24).toString("base64url");
  const child = spawn(
    process.execPath,
    [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(p), "-H", "127.0.0.1"],
    {
      cwd: appDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        BACKEND_MODE: "local",
        NEXT_TELEMETRY_DISABLED: "1",
        DIAGNOSTICS_TOKEN: diagnosticsToken,
        // Every test and bench signs up from 127.0.0.1; a test of the limit passes its own.
        SIGN_UPS_PER_HOUR: "100000",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    process.stdout.write(chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    process.stderr.write(chunk);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200 || response.status === 503) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("next start did not come up within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port: p,
    child,
    output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // A graceful stop that hangs is a bug the caller asserts on; never let it hang the suite.
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(force);
    },
    diagnostics: async () => {
      const response = await fetch(`${url}/api/local/diagnostics`, {
        headers: { authorization: `Bearer ${diagnosticsToken}` },
      });
      if (response.status !== 200 && response.status !== 503) throw new Error(`diagnostics: ${response.status}`);
      return (await response.json()) as Diagnostics;
    },
  };
}

/** Waits until /api/health reports the model ready (the real model server loads its weights first). */
export async function waitHealthy(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/health`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the local cloud did not become healthy in time");
}

/**
 * For a test file's beforeAll (with BUILD_TIMEOUT_MS): a model stub, a private copy of the build and a
 * fresh DATA_DIR named after `name`, served by `next start` with `env`; close() in afterAll stops the
 * server and the stub and removes both folders.
 */
export async function startLocalTestServer(
  name: string,
  env: Record<string, string> = {},
): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const stub = await startModelStub();
  const appDir = prepareBuild();
  const dataDir = mkdtempSync(join(tmpdir(), `skinsight-${name}-`));
  const server = await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url, ...env });
  return {
    server,
    close: async () => {
      await server.stop();
      await stub.close();
      for (const dir of [dataDir, appDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
