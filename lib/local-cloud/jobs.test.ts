import { afterEach, describe, expect, it } from "vitest";
import { openTempDb } from "@/testing/local-cloud/temp-db";
import { JobRunner, type GiveUpReason, type JobRunnerOptions } from "./jobs";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(overrides: Partial<JobRunnerOptions> = {}) {
  const temp = openTempDb();
  cleanups.push(temp.cleanup);
  const gaveUp: Array<{ id: string; reason: GiveUpReason }> = [];
  const runner = new JobRunner(temp.db, {
    concurrency: 2,
    timeoutMs: 5_000,
    maxAttempts: 3,
    run: async () => {},
    giveUp: (id, reason) => gaveUp.push({ id, reason }),
    retryDelayMs: () => 10,
    ...overrides,
  });
  cleanups.unshift(() => void runner.stop(0));
  return { ...temp, runner, gaveUp };
}

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

const jobStatus = (db: ReturnType<typeof openTempDb>["db"], id: string) =>
  db.prepare("SELECT status, attempts FROM jobs WHERE analysis_id = ? ORDER BY id DESC").get(id) as {
    status: string;
    attempts: number;
  };

describe("JobRunner", () => {
  it("never runs more jobs at once than its concurrency, and runs them all", async () => {
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    const { runner } = setup({
      run: async (id) => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        done.push(id);
      },
    });
    runner.start();
    for (let i = 0; i < 7; i++) runner.enqueue(`a${i}`);
    await until(() => done.length === 7);
    expect(peak).toBe(2);
  });

  it("keeps one live job per analysis", () => {
    const { runner } = setup();
    expect(runner.enqueue("a")).toBe(true);
    expect(runner.enqueue("a")).toBe(false);
    expect(runner.hasLiveJob("a")).toBe(true);
  });

  it("retries a throwing job up to maxAttempts, then gives up as INTERNAL", async () => {
    let calls = 0;
    const { runner, gaveUp, db } = setup({
      run: async () => {
        calls++;
        throw new Error("boom");
      },
    });
    runner.start();
    runner.enqueue("a");
    await until(() => gaveUp.length === 1);
    expect(calls).toBe(3);
    expect(gaveUp).toEqual([{ id: "a", reason: "INTERNAL" }]);
    expect(jobStatus(db, "a")).toEqual({ status: "failed", attempts: 3 });
  });

  it("succeeds on a later attempt without giving up", async () => {
    let calls = 0;
    const { runner, gaveUp, db } = setup({
      run: async () => {
        if (++calls < 2) throw new Error("transient");
      },
    });
    runner.start();
    runner.enqueue("a");
    await until(() => jobStatus(db, "a").status === "done");
    expect(gaveUp).toEqual([]);
    expect(calls).toBe(2);
  });

  it("gives a job that outlasts its timeout up as TIMEOUT, without a second concurrent run", async () => {
    let calls = 0;
    const { runner, gaveUp } = setup({
      timeoutMs: 50,
      run: () => {
        calls++;
        return new Promise(() => {});
      },
    });
    runner.start();
    runner.enqueue("a");
    await until(() => gaveUp.length === 1);
    expect(gaveUp).toEqual([{ id: "a", reason: "TIMEOUT" }]);
    expect(calls).toBe(1);
  });

  it("resumes jobs left running or queued by a previous process", async () => {
    const { db } = setup();
    const now = Date.now();
    const insert = db.prepare(
      "INSERT INTO jobs (analysis_id, status, attempts, max_attempts, run_after, created_at, updated_at) VALUES (?, ?, ?, 3, ?, ?, ?)",
    );
    insert.run("crashed", "running", 1, now, now, now);
    insert.run("waiting", "queued", 0, now, now, now);
    const ran: string[] = [];
    const fresh = new JobRunner(db, {
      concurrency: 2,
      timeoutMs: 1000,
      maxAttempts: 3,
      run: async (id) => void ran.push(id),
      giveUp: () => {},
    });
    cleanups.unshift(() => void fresh.stop(0));
    expect(fresh.start()).toBe(1);
    await until(() => jobStatus(db, "crashed").status === "done" && jobStatus(db, "waiting").status === "done");
    expect(ran.sort()).toEqual(["crashed", "waiting"]);
    expect(jobStatus(db, "crashed")).toEqual({ status: "done", attempts: 2 });
  });
});
