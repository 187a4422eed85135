import { beforeAll, describe, expect, it } from "vitest";
import { warmUp } from "./index";
import { evaluatePlanted, sumTallies, type PlantedRow } from "./testing/evaluation";
import { addTally, emptyTally, precision, recall, runPlanted, type PlantedResult } from "./testing/planted-run";
import { loadCleanSelfies } from "./testing/selfies";
import { ZONES } from "./testing/zones";

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

  // Round Gaussian papules in the analyzer's own regions (the earlier generator). Floors sit under the
  // measured figures (candidate classifiers: recall 0.70, precision 0.97 on this set; the rule-based detector
  // had 0.74 and 0.88) to catch a regression; the targets and the held-out figures are in docs/analyzer-eval.md.
  it("finds round papules with recall ≥ 0.65 and precision ≥ 0.9 over the set", () => {
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
    expect(recall(lesions)).toBeGreaterThanOrEqual(0.65);
    expect(precision(lesions)).toBeGreaterThanOrEqual(0.9);
    // Pigmentation has no target in the issue; keep it from silently collapsing. The set has 19 spots: the
    // monotone dark-spot refit finds 11 of them (0.58), the model before it 12 (0.63), so the floor sits a spot below.
    expect(recall(spots)).toBeGreaterThanOrEqual(0.55);
    expect(precision(spots)).toBeGreaterThanOrEqual(0.6);
  });

  it("grades acne higher when lesions were planted than on the clean crops' own findings", () => {
    for (const r of results) {
      expect(r.report.scores?.acne.raw ?? 0, r.name).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("varied lesions everywhere on the face (shape, 1–4 mm, contrast, edge, zone)", () => {
  let rows: PlantedRow[] = [];
  beforeAll(async () => {
    await warmUp();
    // Four seeds: one seed puts 24 lesions in a zone, and where they land alone moved nose recall 42–58% (main,
    // seeds 7000–7003); refusing stubble sites re-drew the placements and seed 7000's nose fell to 29% (7/24) on
    // unchanged analysis. Pooled: nose 49% (main), 44% (the planter refusing hair).
    const selfies = await loadCleanSelfies();
    for (const seed of [7000, 7001, 7002, 7003]) rows.push(...(await evaluatePlanted(selfies, seed, [0])));
    rows = rows.filter((r) => r.ok);
    // 64 analyses on a 2-core box: its own bound, not the global hook timeout.
  }, 300_000);

  it("looks on the forehead, nose and chin, not only the cheeks", () => {
    const byZone = Object.fromEntries(ZONES.map((z) => [z, sumTallies(rows, (r) => r.lesions[z])]));
    console.info(ZONES.map((z) => `${z}: ${pct(recall(byZone[z] ?? emptyTally()))}`).join(", "));
    // v1 measured only bands of forehead and chin: 18% and 7% on this set. The rule-based detector: forehead
    // 67%, cheeks 54%, nose 29%, chin 50%; the candidate classifiers: 67%, 71%, 42%, 54%.
    for (const zone of ZONES) expect(recall(byZone[zone] ?? emptyTally()), zone).toBeGreaterThanOrEqual(0.35);
    expect(recall(byZone.forehead ?? emptyTally())).toBeGreaterThanOrEqual(0.5);
  });

  it("keeps precision ≥ 0.9 over the whole face", () => {
    const all = sumTallies(rows, (r) => r.lesions.all);
    // Rule-based detector 87% (recall 50%); candidate classifiers 97% (recall 60%).
    console.info(`whole face: recall ${pct(recall(all))}, precision ${pct(precision(all))} (fp ${all.fp})`);
    expect(precision(all)).toBeGreaterThanOrEqual(0.9);
  });
});
