import { beforeAll, describe, expect, it } from "vitest";
import { warmUp } from "./index";
import { addTally, emptyTally, precision, recall, runPlanted, type PlantedResult } from "./testing/planted-run";
import { loadCleanSelfies } from "./testing/selfies";

const pct = (v: number) => `${(100 * v).toFixed(0)}%`;

describe("planted lesions and spots (ground truth)", () => {
  let results: PlantedResult[] = [];

  beforeAll(async () => {
    await warmUp();
    const selfies = await loadCleanSelfies();
    results = [];
    for (const [i, s] of selfies.entries()) {
      for (const seed of [1000 + i, 3000 + i]) {
        const r = await runPlanted(s, seed);
        if (r) results.push(r);
      }
    }
  });

  it("every planted photo passes the gate", () => {
    expect(results.filter((r) => !r.report.quality.ok).map((r) => r.name)).toEqual([]);
  });

  it("finds red lesions with recall ≥ 0.9 and precision ≥ 0.9 over the set", () => {
    const lesions = results.reduce((t, r) => addTally(t, r.lesions), emptyTally());
    const spots = results.reduce((t, r) => addTally(t, r.spots), emptyTally());
    console.info(
      [
        `red lesions: recall ${pct(recall(lesions))}, precision ${pct(precision(lesions))} (tp ${lesions.tp}, fp ${lesions.fp}, fn ${lesions.fn})`,
        `pigment spots: recall ${pct(recall(spots))}, precision ${pct(precision(spots))} (tp ${spots.tp}, fp ${spots.fp}, fn ${spots.fn})`,
        ...results.map((r) => `  ${r.name}: lesions ${JSON.stringify(r.lesions)} spots ${JSON.stringify(r.spots)}`),
      ].join("\n"),
    );
    expect(lesions.tp + lesions.fn).toBeGreaterThanOrEqual(80);
    expect(recall(lesions)).toBeGreaterThanOrEqual(0.9);
    expect(precision(lesions)).toBeGreaterThanOrEqual(0.9);
    // Pigmentation has no target in the issue; keep it from silently collapsing.
    expect(recall(spots)).toBeGreaterThanOrEqual(0.6);
    expect(precision(spots)).toBeGreaterThanOrEqual(0.6);
  });

  it("grades acne higher when lesions were planted than on the clean crops' own findings", () => {
    for (const r of results) {
      expect(r.report.scores?.acne.raw ?? 0, r.name).toBeGreaterThanOrEqual(1);
    }
  });
});
