import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { ANALYZER_NODE_FLAGS } from "../analyzer/heap-flags";

export type ModelStatus = "stopped" | "starting" | "ready" | "restarting" | "external";

export interface ModelInfo {
  status: ModelStatus;
  endpoint: string | null;
  pid: number | null;
  restarts: number;
}

const readyLineSchema = z.object({ event: z.literal("ready"), port: z.number().int().positive() });
const PING_INTERVAL_MS = 200;
const MAX_BACKOFF_MS = 15_000;
// A child that stayed up this long was healthy; its next crash starts the backoff afresh.
const HEALTHY_UPTIME_MS = 60_000;

/**
 * Once ready, the child is pinged every `intervalMs`; `misses` pings in a row unanswered within `timeoutMs` (no HTTP
 * answer at all: a 503 while a thread reloads counts as alive) and it is killed and restarted. Its /ping is answered by the server's main thread, which never analyses (the analysis
 * threads do), so a slow answer means a process that is frozen or wedged, not a busy one: left alone, every check
 * would wait out its job timeout against it.
 */
export interface Liveness {
  intervalMs: number;
  timeoutMs: number;
  misses: number;
}
const LIVENESS: Liveness = { intervalMs: 5_000, timeoutMs: 5_000, misses: 3 };

/**
 * Runs the model server (amplify/model/serve.ts) as a child on 127.0.0.1 with a free port, waits
 * for /ping, and restarts it with backoff when it dies. With `externalEndpoint` it spawns nothing.
 */
export class ModelProcess {
  private child: ChildProcess | null = null;
  private endpointUrl: string | null = null;
  private state: ModelStatus = "stopped";
  private restarts = 0;
  private consecutiveCrashes = 0;
  private startedAt = 0;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private waiters = new Set<(url: string) => void>();

  constructor(
    private readonly options: { cwd: string; startTimeoutMs: number; externalEndpoint?: string; liveness?: Liveness },
  ) {
    if (options.externalEndpoint) {
      this.endpointUrl = options.externalEndpoint.replace(/\/$/, "");
      this.state = "external";
    }
  }

  info(): ModelInfo {
    return { status: this.state, endpoint: this.endpointUrl, pid: this.child?.pid ?? null, restarts: this.restarts };
  }

  start(): void {
    if (this.state === "external" || this.child) return;
    this.stopping = false;
    this.state = this.restarts > 0 ? "restarting" : "starting";
    this.startedAt = Date.now();
    const guard = pathToFileURL(join(this.options.cwd, "lib/local-cloud/model-child-guard.mjs")).href;
    const child = spawn(
      process.execPath,
      [...ANALYZER_NODE_FLAGS, "--import", "tsx", "--import", guard, "amplify/model/serve.ts"],
      {
        cwd: this.options.cwd,
        env: { ...process.env, PORT: "0", HOST: "127.0.0.1" },
        stdio: ["ignore", "pipe", "inherit", "ipc"],
      },
    );
    this.child = child;
    const lines = child.stdout ? createInterface({ input: child.stdout }) : null;
    lines?.on("line", (line) => this.onLine(child, line));
    child.on("error", (error) => console.error("[local-cloud] model server failed to spawn:", error.message));
    child.on("exit", (code, signal) => this.onExit(child, code, signal));
  }

  /** Resolves with the endpoint URL once /ping answers 200; rejects after `timeoutMs`. */
  waitReady(timeoutMs: number): Promise<string> {
    if ((this.state === "ready" || this.state === "external") && this.endpointUrl)
      return Promise.resolve(this.endpointUrl);
    return new Promise((resolve, reject) => {
      const done = (url: string) => {
        clearTimeout(timer);
        resolve(url);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        reject(new Error(`The model server was not ready within ${timeoutMs} ms (status ${this.state}).`));
      }, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Synchronous, so it can run from a process 'exit' handler. */
  stop(): void {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.child?.kill("SIGTERM");
    this.child = null;
    if (this.state !== "external") this.state = "stopped";
  }

  private onLine(child: ChildProcess, line: string): void {
    let ready: z.infer<typeof readyLineSchema> | null = null;
    try {
      const parsed = readyLineSchema.safeParse(JSON.parse(line));
      if (parsed.success) ready = parsed.data;
    } catch {
      // Not JSON: ordinary log output from the model server.
    }
    if (!ready) {
      process.stdout.write(`[model] ${line}\n`);
      return;
    }
    void this.pollPing(child, `http://127.0.0.1:${ready.port}`);
  }

  private async pollPing(child: ChildProcess, url: string): Promise<void> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    while (this.child === child && Date.now() < deadline) {
      try {
        const response = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) {
          this.endpointUrl = url;
          this.state = "ready";
          for (const waiter of this.waiters) waiter(url);
          this.waiters.clear();
          this.watch(child, url);
          return;
        }
      } catch {
        // Still loading.
      }
      await new Promise((r) => setTimeout(r, PING_INTERVAL_MS));
    }
    if (this.child === child) {
      console.error("[local-cloud] model server never answered /ping; restarting it");
      child.kill("SIGKILL");
    }
  }

  /** Pings a ready child until it goes; kills it after too many pings in a row go unanswered (see Liveness). */
  private watch(child: ChildProcess, url: string): void {
    const { intervalMs, timeoutMs, misses } = this.options.liveness ?? LIVENESS;
    let missed = 0;
    const next = () => {
      const timer = setTimeout(() => void check(), intervalMs);
      timer.unref();
    };
    const check = async () => {
      if (this.child !== child) return;
      // Any answer is a live process: a 503 means an analysis thread is reloading its model, not a wedged server.
      const answered = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(timeoutMs) }).then(
        () => true,
        () => false,
      );
      if (this.child !== child) return;
      missed = answered ? 0 : missed + 1;
      if (missed < misses) return next();
      console.error(`[local-cloud] model server did not answer ${misses} pings in a row; restarting it`);
      this.state = "restarting";
      this.endpointUrl = null;
      child.kill("SIGKILL");
    };
    next();
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child && this.child !== null) return;
    this.child = null;
    this.endpointUrl = null;
    if (this.stopping) return;
    this.consecutiveCrashes = Date.now() - this.startedAt > HEALTHY_UPTIME_MS ? 1 : this.consecutiveCrashes + 1;
    const delay = Math.min(250 * 2 ** (this.consecutiveCrashes - 1), MAX_BACKOFF_MS);
    console.error(`[local-cloud] model server exited (${signal ?? code}); restarting in ${delay} ms`);
    this.state = "restarting";
    this.restarts++;
    this.restartTimer = setTimeout(() => this.start(), delay);
  }
}
