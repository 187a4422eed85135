import { Worker } from "node:worker_threads";
import type { WorkerReply, WorkerRequest, WorkerStatus } from "./protocol";
import type { SkinReport } from "../../lib/domain/skin-report";

export class AnalysisError extends Error {
  readonly code: string;
  /** True when the bytes were at fault (4xx); false for a failure of ours (5xx). */
  readonly input: boolean;
  constructor(code: string, message: string, input: boolean) {
    super(message);
    this.name = "AnalysisError";
    this.code = code;
    this.input = input;
  }
}

type Job = { id: number; bytes: Uint8Array; resolve: (r: SkinReport) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; ready: boolean; job: Job | null };

const ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/** A fixed set of analysis threads; requests queue when all are busy, a crashed thread is replaced. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  private readyResolve: () => void = () => {};
  private readyReject: (e: Error) => void = () => {};
  /** Resolves once every thread has loaded the model. */
  readonly ready: Promise<void>;

  constructor(size: number) {
    this.ready = new Promise((resolve, reject) => {
      this.readyResolve = resolve;
      this.readyReject = reject;
    });
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  get isReady(): boolean {
    return this.slots.length > 0 && this.slots.every((s) => s.ready);
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(ENTRY), ready: false, job: null };
    slot.worker.on("message", (msg: WorkerReply | WorkerStatus) => {
      if ("ready" in msg) {
        if (!msg.ready)
          return this.readyReject(new AnalysisError("MODEL_LOAD", msg.message ?? "model failed to load", false));
        slot.ready = true;
        if (this.isReady) this.readyResolve();
        return this.pump();
      }
      const job = slot.job;
      slot.job = null;
      if (job && job.id === msg.id) {
        if (msg.ok) job.resolve(msg.report);
        else job.reject(new AnalysisError(msg.code, msg.message, msg.input));
      }
      this.pump();
    });
    slot.worker.on("error", (err) => this.fail(slot, err));
    slot.worker.on("exit", (code) => {
      if (!this.closing) this.fail(slot, new Error(`analysis worker exited with code ${code}`));
    });
    return slot;
  }

  private fail(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    slot.job?.reject(new AnalysisError("INTERNAL", err.message, false));
    slot.job = null;
    void slot.worker.terminate();
    if (this.closing) return;
    this.slots[i] = this.spawn();
  }

  analyze(bytes: Uint8Array): Promise<SkinReport> {
    if (this.closing)
      return Promise.reject(new AnalysisError("SHUTTING_DOWN", "the model server is shutting down", false));
    return new Promise((resolve, reject) => {
      // The buffer is transferred to the thread: own a tight copy so no shared (pooled) memory is detached.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      this.queue.push({ id: this.nextId++, bytes: owned, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      const req: WorkerRequest = { id: job.id, bytes: job.bytes };
      slot.worker.postMessage(req, [job.bytes.buffer as ArrayBuffer]);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.queue.splice(0))
      job.reject(new AnalysisError("SHUTTING_DOWN", "the model server is shutting down", false));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
