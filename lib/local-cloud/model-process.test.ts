import { afterEach, describe, expect, it, vi } from "vitest";
import { ModelProcess } from "./model-process";

const processes: ModelProcess[] = [];
afterEach(() => {
  for (const p of processes.splice(0)) p.stop();
});

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
    const frozen = model.info().pid;
    expect(frozen).not.toBeNull();
    process.kill(frozen as number, "SIGSTOP");

    await until(() => model.info().status !== "ready", 5_000);
    expect(model.info().endpoint).toBeNull();
    await model.waitReady(60_000);
    const after = model.info();
    expect(after.pid).not.toBe(frozen);
    expect(after.restarts).toBe(1);
    // The frozen one was killed, not left stopped.
    await until(() => {
      try {
        process.kill(frozen as number, 0);
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
