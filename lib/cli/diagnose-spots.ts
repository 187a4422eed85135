/**
 * npm run diagnose:spots [dev|heldout] — why planted dark spots are missed (a diagnosis, not a
 * test). Plants exactly what the evaluation plants (evaluation.ts: seeds 7000 dev / 9000 held-out, four
 * melanin levels), runs the detector's stages and names each miss's cause (testing/spot-misses.ts). It
 * also analyses the same photo unplanted on the same face crop: the planted spot's own rise in filtered
 * darkness over the local noise there ("injected SNR") says whether the spot is in the signal at all after
 * the JPEG, whatever the detector then does with it. Last, it places every false dark-spot finding
 * (spot-misses.ts falseFindingPlace). Dev, 29 Nov (main at c2a5c8e's model): of 44 false findings 29 were the faces'
 * own features, 10 sat on planted red lesions, 1 within 4 px of a stubble edge and 1 of an eye, lip or nostril (from
 * the spot's rim), none of a brow, hairline or frames edge, 3 on open skin. Use it on dev only to choose anything.
 */
import { MODELS, probability } from "../analyzer/candidate-model";
import { CANDIDATE_PEAK, findDarkCandidates } from "../analyzer/candidates";
import { analyzeImage, warmUp } from "../analyzer/index";
import { detectDarkSpots, detectRedLesions } from "../analyzer/lesions";
import { MELANIN_LEVELS } from "../analyzer/testing/evaluation";
import type { PlantedLesion } from "../analyzer/testing/lesion-generator";
import { loadSplit, type Split } from "../analyzer/testing/photo-set";
import { plantAsEvaluated, plantedSignals, riseOverBare } from "../analyzer/testing/planted-signals";
import {
  causeOfMiss,
  FALSE_PLACES,
  falseFindingPlace,
  MISS_CAUSES,
  strongestWithin,
  type FalsePlace,
  type MissCause,
} from "../analyzer/testing/spot-misses";
import { TONE_CATEGORIES } from "../domain/skin-report";

/** skin-context.ts OUTLIER_DARK_L: skin this far below the median L* is dropped as hair or frames. */
const DARK_BELOW = 28;
/** "not measured": the unplanted photo's crop came out another size, so the two cannot be subtracted. */
const SNR_BANDS = ["SNR < 2", "SNR 2–3", "SNR 3–4", "SNR ≥ 4", "not measured"] as const;
const snrBand = (snr: number) =>
  SNR_BANDS[!Number.isFinite(snr) ? 4 : snr < 2 ? 0 : snr < 3 ? 1 : snr < 4 ? 2 : 3] ?? "not measured";

type Row = { cause: MissCause; size: string; zone: string; melanin: number; snr: string; group: string };
/** Within this many window px of the spot's rim, beard, brow or a cut-out counts as at its edge: ≈ 1 mm at 512 px face width. */
const EDGE_PX = 4;

async function diagnosePhoto(
  planted: Uint8Array,
  clean: Uint8Array,
  truth: readonly PlantedLesion[],
  lesions: readonly PlantedLesion[],
) {
  const p = await plantedSignals(planted, clean);
  if (!p) return null;
  const { ctx, signals: s, mask, red, dark, bare, bareCtx } = p;
  const candidates = findDarkCandidates(ctx, s, mask).map((c) => ({
    ...c,
    confidence: probability(MODELS.dark, c.features),
  }));
  const rise = riseOverBare(p, "dDark");
  const scene = {
    z: s.zMel,
    mask,
    hair: ctx.hair,
    L: ctx.lab.L.data,
    medianL: ctx.median.L,
    darkBelow: DARK_BELOW,
    darkSpots: dark,
    redLesions: red,
    candidates,
    threshold: MODELS.dark.threshold,
    candidatePeak: CANDIDATE_PEAK.dark,
  };
  // False findings: no planted spot within the evaluation's reach (radius + 6 photo px), placed by falseFindingPlace.
  const reach = 6 * p.scale;
  const spots = truth.map((t) => p.toWindow(t));
  const own = bare && bareCtx ? detectDarkSpots(bareCtx, bare, detectRedLesions(bareCtx, bare)) : [];
  const around = { own, lesions: lesions.map((t) => p.toWindow(t)), reach, edge: EDGE_PX };
  const places = dark
    .filter((d) => !spots.some((t) => Math.hypot(t.x - d.x, t.y - d.y) < t.r + reach))
    .map((d) => falseFindingPlace(scene, d, around));
  const misses = truth.map((t) => {
    const spot = p.toWindow(t);
    let snr = NaN;
    if (bare && rise) {
      const top = strongestWithin(rise, spot.x, spot.y, spot.r);
      snr = top.z / (bare.noiseDark.data[top.index] ?? 1);
    }
    return { cause: causeOfMiss(scene, spot, spot.r + 6 * p.scale), snr };
  });
  return { misses, places };
}

function table(rows: readonly Row[], key: (r: Row) => string, title: string, order?: readonly string[]): string {
  const columns = order ?? [...new Set(rows.map(key))].sort();
  const lines = [`| cause | ${columns.join(" | ")} | all |`, `| --- | ${columns.map(() => "---").join(" | ")} | --- |`];
  for (const cause of MISS_CAUSES) {
    const mine = rows.filter((r) => r.cause === cause);
    if (mine.length === 0) continue;
    lines.push(
      `| ${cause} | ${columns.map((c) => mine.filter((r) => key(r) === c).length).join(" | ")} | ${mine.length} |`,
    );
  }
  return [`**${title}** (${rows.length} planted spots on photos the gate passed)`, "", ...lines, ""].join("\n");
}

async function main(): Promise<void> {
  const split = (process.argv[2] ?? "dev") as Split;
  await warmUp();
  const { selfies } = await loadSplit(split);
  const rows: Row[] = [];
  const falseRows: Array<{ place: FalsePlace; group: string }> = [];
  for (const [i, s] of selfies.entries()) {
    for (const melanin of MELANIN_LEVELS) {
      const { clean, planted, spots, lesions } = await plantAsEvaluated(s, i, melanin, split === "dev" ? 7000 : 9000);
      const report = await analyzeImage(planted);
      if (!report.quality.ok) continue;
      // The ITA° group the analyzer read, as the evaluation groups its tables.
      const group = report.tone?.category ?? "unknown";
      const found = await diagnosePhoto(planted, clean, spots, lesions);
      for (const place of found?.places ?? []) falseRows.push({ place, group });
      found?.misses.forEach((f, j) => {
        const t = spots[j];
        if (!t) return;
        const size = `${Math.min(3, Math.floor(t.diameterMm))}–${Math.min(4, Math.floor(t.diameterMm) + 1)} mm`;
        rows.push({ cause: f.cause, size, zone: t.zone, melanin, snr: snrBand(f.snr), group });
      });
    }
    console.error(`${s.name}: ${rows.length} spots so far`);
  }
  console.log(table(rows, (r) => r.size, "By planted diameter"));
  console.log(table(rows, (r) => r.zone, "By zone"));
  console.log(table(rows, (r) => `melanin ${r.melanin}`, "By added melanin"));
  console.log(table(rows, (r) => r.group, "By ITA° group (the analyzer's reading)", TONE_CATEGORIES));
  console.log(
    table(
      rows,
      (r) => r.snr,
      "By injected SNR in green darkness (the spot's own darkness rise over the local noise; candidates are on melanin's filter, zMel)",
      SNR_BANDS,
    ),
  );
  const lines = [
    `| where | ${TONE_CATEGORIES.join(" | ")} | all |`,
    `| --- | ${TONE_CATEGORIES.map(() => "---").join(" | ")} | --- |`,
  ];
  for (const place of FALSE_PLACES) {
    const mine = falseRows.filter((r) => r.place === place);
    lines.push(
      `| ${place} | ${TONE_CATEGORIES.map((g) => mine.filter((r) => r.group === g).length).join(" | ")} | ${mine.length} |`,
    );
  }
  console.log([`**False dark-spot findings by where they sit** (${falseRows.length})`, "", ...lines, ""].join("\n"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
