import { z } from "zod";
import type { Db } from "./db";

export type GiveUpReason = "TIMEOUT" | "INTERNAL";

export interface JobRunnerOptions {
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
  /** Runs one job; resolves when the analysis reached a recorded outcome. */
  run(analysisId: string): Promise<void>;
  /** Called once a job is abandoned (timed out, or out of attempts) so the analysis is not left in flight. */
  giveUp(analysisId: string, reason: GiveUpReason, error: unknown): void;
  /** Delay before retry number `attempt` (1-based); exponential by default. */
  retryDelayMs?: (attempt: number) => number;
}

const claimedSchema = z.object({
  id: z.number().int(),
  analysis_id: z.string(),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
});
type ClaimedJob = z.infer<typeof claimedSchema>;

class JobTimeoutError extends Error {
  readonly code = "TIMEOUT";
  constructor(ms: number) {
    super(`The job did not finish within ${ms} ms.`);
    this.name = "JobTimeoutError";
  }
}

// Exponential retry delay for jobs that threw: 1 s, 2 s, 4 s …
const backoffMs = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 30_000);

/**
 * Durable queue in the `jobs` table with a bounded pool of workers. A job that throws is retried
 * up to maxAttempts; one that exceeds timeoutMs is given up at once, since its run may still be
 * going and a second concurrent run would race it.
 */
export class JobRunner {
  private active = 0;
  private stopped = true;
  private wakeTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly options: JobRunnerOptions,
  ) {}

  /** Re-queues jobs that were running when the process last stopped, then starts pumping. */
  start(): number {
    const resumed = this.db
      .prepare("UPDATE jobs SET status = 'queued', run_after = ?, updated_at = ? WHERE status = 'running'")
      .run(Date.now(), Date.now()).changes;
    this.stopped = false;
    this.pump();
    return resumed;
  }

  /** False when the analysis already has a queued or running job. */
  enqueue(analysisId: string): boolean {
    const now = Date.now();
    const info = this.db
      .prepare(
        `INSERT INTO jobs (analysis_id, status, attempts, max_attempts, run_after, created_at, updated_at)
         VALUES (?, 'queued', 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(analysisId, this.options.maxAttempts, now, now, now);
    this.pump();
    return info.changes > 0;
  }

  hasLiveJob(analysisId: string): boolean {
    return Boolean(
      this.db.prepare("SELECT 1 FROM jobs WHERE analysis_id = ? AND status IN ('queued', 'running')").get(analysisId),
    );
  }

  stats(): { active: number; queued: number } {
    const row = z
      .object({ n: z.number() })
      .parse(this.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status = 'queued'").get());
    return { active: this.active, queued: row.n };
  }

  /** Stops claiming new jobs and waits (bounded) for running ones. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, graceMs))]);
  }

  private pump(): void {
    while (!this.stopped && this.active < this.options.concurrency) {
      const job = this.claim();
      if (!job) {
        this.scheduleWake();
        return;
      }
      this.active++;
      const run = this.execute(job).finally(() => {
        this.active--;
        this.inFlight.delete(run);
        this.pump();
      });
      this.inFlight.add(run);
    }
  }

  private claim(): ClaimedJob | null {
    const now = Date.now();
    const row = this.db
      .prepare(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
         WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ? ORDER BY run_after, id LIMIT 1)
         RETURNING id, analysis_id, attempts, max_attempts`,
      )
      .get(now, now);
    return row ? claimedSchema.parse(row) : null;
  }

  /** Wakes up for the earliest delayed retry. */
  private scheduleWake(): void {
    if (this.wakeTimer || this.stopped) return;
    const next = z
      .object({ at: z.number().nullable() })
      .parse(this.db.prepare("SELECT MIN(run_after) AS at FROM jobs WHERE status = 'queued'").get());
    if (next.at === null) return;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = null;
        this.pump();
      },
      Math.max(0, next.at - Date.now()),
    );
    this.wakeTimer.unref();
  }

  private async execute(job: ClaimedJob): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new JobTimeoutError(this.options.timeoutMs)), this.options.timeoutMs);
    });
    try {
      await Promise.race([this.options.run(job.analysis_id), timeout]);
      this.finish(job, "done", null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof JobTimeoutError || job.attempts >= job.max_attempts) {
        this.finish(job, "failed", message);
        this.options.giveUp(job.analysis_id, error instanceof JobTimeoutError ? "TIMEOUT" : "INTERNAL", error);
        return;
      }
      console.error(`[local-cloud] job ${job.id} attempt ${job.attempts} failed; retrying:`, message);
      const now = Date.now();
      this.db
        .prepare("UPDATE jobs SET status = 'queued', run_after = ?, last_error = ?, updated_at = ? WHERE id = ?")
        .run(now + (this.options.retryDelayMs ?? backoffMs)(job.attempts), message, now, job.id);
    } finally {
      clearTimeout(timer);
    }
  }

  private finish(job: ClaimedJob, status: "done" | "failed", error: string | null): void {
    this.db
      .prepare("UPDATE jobs SET status = ?, last_error = ?, updated_at = ? WHERE id = ?")
      .run(status, error, Date.now(), job.id);
  }
}
