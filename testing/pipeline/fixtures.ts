import type { Analysis } from "../../lib/domain/analysis";
import type { PipelinePorts } from "../../lib/pipeline/ports";
import { makeReport } from "../domain/records";

export { BAD_QUALITY_REPORT, SURVEY, makeAnalysis, makeReport } from "../domain/records";

/** In-memory ports that record every save, so tests can assert the exact sequence of writes. */
export function makeFakePorts(initial: Analysis | null, overrides: Partial<PipelinePorts> = {}) {
  let stored = initial;
  const saves: Analysis[] = [];
  let tick = 0;
  const ports: PipelinePorts = {
    loadAnalysis: async (id) => (stored && stored.id === id ? stored : null),
    saveAnalysis: async (analysis) => {
      saves.push(analysis);
      stored = analysis;
    },
    readImage: async () => ({ bytes: new Uint8Array([0xff, 0xd8, 0xff]), contentType: "image/jpeg" }),
    invokeModel: async () => makeReport(),
    catalog: [],
    now: () => `2025-01-01T00:00:${String(++tick).padStart(2, "0")}.000Z`,
    ...overrides,
  };
  return { ports, saves, stored: () => stored, statuses: () => saves.map((s) => s.status) };
}
