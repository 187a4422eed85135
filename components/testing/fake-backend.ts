import { vi } from "vitest";
import { BackendError, type BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";

type Observer = { onChange: (analysis: Analysis) => void; onError?: (error: BackendError) => void };

/**
 * A BackendPort for component tests: every call is a vi.fn(), analyses are pushed to subscribers
 * with `emit`, and a call a test did not expect fails loudly instead of answering something.
 */
export function createFakeBackend(overrides: Partial<BackendPort> = {}) {
  const observers = new Map<string, Set<Observer>>();
  const unexpected = (name: string) =>
    vi.fn(() => Promise.reject(new BackendError("INTERNAL", `The test did not expect ${name}.`)));

  const backend = {
    mode: "local",
    getCurrentUser: unexpected("getCurrentUser"),
    signUp: unexpected("signUp"),
    signIn: unexpected("signIn"),
    signOut: unexpected("signOut"),
    createAnalysis: unexpected("createAnalysis"),
    uploadSelfie: unexpected("uploadSelfie"),
    startAnalysis: vi.fn((id: string) => Promise.resolve(latest.get(id) as Analysis)),
    getAnalysis: unexpected("getAnalysis"),
    observeAnalysis: vi.fn((id: string, onChange: Observer["onChange"], onError?: Observer["onError"]) => {
      const observer = { onChange, onError };
      const set = observers.get(id) ?? new Set<Observer>();
      set.add(observer);
      observers.set(id, set);
      return () => set.delete(observer);
    }),
    listAnalyses: unexpected("listAnalyses"),
    deleteAnalysis: unexpected("deleteAnalysis"),
    getImageUrl: vi.fn(() => Promise.resolve(null)),
    beginGuestCheck: unexpected("beginGuestCheck"),
    finishGuestCheck: unexpected("finishGuestCheck"),
    keepGuestResult: unexpected("keepGuestResult"),
    exportMyData: unexpected("exportMyData"),
    deleteAccount: unexpected("deleteAccount"),
    ...overrides,
  } satisfies BackendPort;

  const latest = new Map<string, Analysis>();
  return {
    backend,
    /** Pushes a new state of the record to everyone observing it, as the live stream would. */
    emit(analysis: Analysis) {
      latest.set(analysis.id, analysis);
      for (const observer of observers.get(analysis.id) ?? []) observer.onChange(analysis);
    },
    /** How many subscriptions are open on a record. */
    observing: (id: string) => observers.get(id)?.size ?? 0,
  };
}
