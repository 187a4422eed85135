import { beforeAll, describe, expect, it } from "vitest";
import { warmUp } from "./index";
import { TONE_CATEGORIES, type ToneCategory } from "../domain/skin-report";
import { addTally, emptyTally, recall, runPlanted, type PlantedResult, type Tally } from "./testing/planted-run";
import { loadCleanSelfies } from "./testing/selfies";

/** Melanin added (absorbance units): 0 leaves the face as photographed, 4 takes light faces below ITA −30. */
const MELANIN_LEVELS = [0, 1.3, 2.6, 4];

describe("tone fairness: the same faces re-toned from their own tone down to dark", () => {
  let results: PlantedResult[] = [];
  const byTone = new Map<ToneCategory, Tally>();

  beforeAll(async () => {
    await warmUp();
    const selfies = await loadCleanSelfies();
    results = [];
    for (const [i, s] of selfies.entries()) {
      for (const melanin of MELANIN_LEVELS) {
        const r = await runPlanted(s, 2000 + i, melanin);
        if (!r) continue;
        // A face already in the darkest group as photographed has no lighter twin to compare with:
        // it is reported on its own (the planted-lesion test covers it too), not pooled.
        if (melanin === 0 && r.tone === "dark") {
          console.info(
            `${s.name} is dark as photographed (ITA ${r.report.tone?.ita}): lesions ${JSON.stringify(r.lesions)}; not re-toned`,
          );
          break;
        }
        results.push(r);
      }
    }
    for (const r of results) {
      if (!r.tone || !r.report.quality.ok) continue;
      byTone.set(r.tone, addTally(byTone.get(r.tone) ?? emptyTally(), r.lesions));
    }
    console.info(
      TONE_CATEGORIES.map((c) => {
        const t = byTone.get(c);
        return t
          ? `${c.padEnd(13)} red-lesion recall ${(100 * recall(t)).toFixed(0)}% (${t.tp}/${t.tp + t.fn}, fp ${t.fp})`
          : `${c.padEnd(13)} (none)`;
      }).join("\n"),
    );
  });

  it("keeps the re-toned photos analysable (the gate does not turn dark skin away)", () => {
    const gated = results.filter((r) => !r.report.quality.ok);
    expect(gated.map((r) => `${r.name}: ${r.report.quality.issues.map((i) => i.code).join(",")}`)).toEqual([]);
  });

  it("covers the darkest group (ITA below −30) with enough lesions to measure", () => {
    const dark = byTone.get("dark");
    expect(dark).toBeDefined();
    expect((dark?.tp ?? 0) + (dark?.fn ?? 0)).toBeGreaterThanOrEqual(20);
  });

  it("finds red lesions on the darkest skin within 10 points of the lightest", () => {
    const lightest = TONE_CATEGORIES.map((c) => byTone.get(c)).find((t) => t && t.tp + t.fn >= 10);
    const dark = byTone.get("dark");
    if (!lightest || !dark) throw new Error("missing tone groups");
    expect(recall(dark)).toBeGreaterThanOrEqual(recall(lightest) - 0.1);
  });
});
