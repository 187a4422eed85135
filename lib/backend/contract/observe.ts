import type { Analysis, AnalysisStatus } from "../../domain/analysis";
import type { BackendError, BackendPort } from "../port";

/** Records what observeAnalysis delivers and lets a test wait for a status. */
export interface Observation {
  statuses(): AnalysisStatus[];
  records(): Analysis[];
  errors(): BackendError[];
  waitFor(predicate: (analysis: Analysis) => boolean, timeoutMs?: number): Promise<Analysis>;
  waitForError(timeoutMs?: number): Promise<BackendError>;
  stop(): void;
}

export function observe(backend: BackendPort, id: string): Observation {
  const records: Analysis[] = [];
  const errors: BackendError[] = [];
  const wakers = new Set<() => void>();
  const wake = () => wakers.forEach((w) => w());
  const stop = backend.observeAnalysis(
    id,
    (analysis) => {
      records.push(analysis);
      wake();
    },
    (error) => {
      errors.push(error);
      wake();
    },
  );
  const until = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const waker = () => {
        const found = check();
        if (found === undefined) return;
        clearTimeout(timer);
        wakers.delete(waker);
        resolve(found);
      };
      const timer = setTimeout(() => {
        wakers.delete(waker);
        reject(
          new Error(`Timed out waiting for ${what}; saw ${records.map((r) => r.status).join(" → ") || "nothing"}`),
        );
      }, timeoutMs);
      wakers.add(waker);
      waker();
    });
  return {
    statuses: () => records.map((r) => r.status),
    records: () => [...records],
    errors: () => [...errors],
    waitFor: (predicate, timeoutMs = 60_000) => until(() => records.find(predicate), timeoutMs, "a matching record"),
    waitForError: (timeoutMs = 15_000) => until(() => errors[0], timeoutMs, "an error"),
    stop,
  };
}

/** Collapses repeats (a record re-delivered after a reconnect) so the order of statuses can be compared. */
export function distinctStatuses(statuses: readonly AnalysisStatus[]): AnalysisStatus[] {
  return statuses.filter((s, i) => s !== statuses[i - 1]);
}
