import { afterEach, describe, expect, it, vi } from "vitest";
import { ModelProcess } from "./model-process";

const processes: ModelProcess[] = [];
const frozen: number[] = [];
afterEach(() => {
  for (const p of processes.splice(0)) p.stop();
  // A stopped process ignores SIGTERM: one the test froze must not outlive a failure.
  for (const pid of frozen.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone: the watchdog killed it.
    }
  }
  vi.restoreAllMocks();
});

function frozenPid(model: ModelProcess): number {
  const { pid } = model.info();
  if (pid === null) throw new Error("no child");
  return pid;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("ModelProcess liveness", () => {
  it("replaces a model server that froze after it was ready, and says it is not ready meanwhile", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const model = new ModelProcess({
      cwd: process.cwd(),
      startTimeoutMs: 60_000,
      liveness: { intervalMs: 200, timeoutMs: 300, misses: 3 },
    });
    processes.push(model);
    model.start();
    await model.waitReady(60_000);
    frozen.push(frozenPid(model));
    process.kill(frozen[0] as number, "SIGSTOP");

    await until(() => model.info().status !== "ready", 5_000);
    expect(model.info().endpoint).toBeNull();
    await model.waitReady(60_000);
    const after = model.info();
    expect(after.pid).not.toBe(frozen[0]);
    expect(after.restarts).toBe(1);
    // The frozen one was killed, not left stopped.
    await until(() => {
      try {
        process.kill(frozen[0] as number, 0);
        return false;
      } catch {
        return true;
      }
    }, 5_000);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/did not answer 3 pings in a row/));
  }, 120_000);

  it("leaves a ready model server that answers alone", async () => {
    const model = new ModelProcess({
      cwd: process.cwd(),
      startTimeoutMs: 60_000,
      liveness: { intervalMs: 100, timeoutMs: 1_000, misses: 2 },
    });
    processes.push(model);
    model.start();
    await model.waitReady(60_000);
    const pid = model.info().pid;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(model.info()).toMatchObject({ status: "ready", pid, restarts: 0 });
  }, 120_000);
});
