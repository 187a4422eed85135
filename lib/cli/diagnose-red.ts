/**
 * npm run diagnose:red — the red-lesion funnel on the dev split (a diagnosis, not a test, not the published
 * evaluation). Plants exactly what the evaluation plants (evaluation.ts: seed 7000, four melanin levels, 12
 * lesions and 6 spots a photo, as taken), analyses each photo the gate passes, and attributes every planted
 * red lesion to one stage (testing/red-misses.ts): found, merged, found as a dark spot, overlap, classifier
 * (with its best score), below the candidate peak, outside the mask (and which exclusion), window edge, no
 * local peak. Tables by zone, by ITA° group (the analyzer's own reading, as the evaluation groups), by size,
 * and zone × group; then, per group, the medians that say whether a lesion is lost in the signal or in the
 * noise estimate: the lesion's own rise in filtered EI over the same photo unplanted, the local EI noise there,
 * and their ratio (the injected SNR); last, per face and added melanin, the group read, recall and the local noise,
 * which tells a loss that follows the melanin from one that follows the photo. Dev only: never run it on held-out photos to choose anything.
 *
 *   npm run diagnose:red [-- --faces name,name]
 */
import { MODELS, probability } from "../analyzer/candidate-model";
import { CANDIDATE_PEAK, findRedCandidates, redStatistic } from "../analyzer/candidates";
import { analyzeImage, warmUp } from "../analyzer/index";
import { makePlane } from "../analyzer/planes";
import { MELANIN_LEVELS } from "../analyzer/testing/evaluation";
import type { PlantedLesion } from "../analyzer/testing/lesion-generator";
import { loadSplit } from "../analyzer/testing/photo-set";
import { matchedFindings } from "../analyzer/testing/plant";
import { plantAsEvaluated, plantedSignals } from "../analyzer/testing/planted-signals";
import { causeOfRedMiss, maskParts, RED_MISS_CAUSES, scoreBand, type RedMiss } from "../analyzer/testing/red-misses";
import { strongestWithin } from "../analyzer/testing/spot-misses";
import { faceZones } from "../analyzer/testing/zones";
import { TONE_CATEGORIES } from "../domain/skin-report";

/** skin-context.ts OUTLIER_DARK_L and candidates.ts NMS_RADIUS (not exported: private to their stage). */
const DARK_BELOW = 28;
const NMS_RADIUS = 3;

type Row = RedMiss & {
  face: string;
  zone: string;
  group: string;
  size: string;
  melanin: number;
  rise: number;
  noise: number;
  noiseDark: number;
};

/** Which of `truth` the evaluation's greedy one-to-one matching pairs (plant.ts matchedFindings, one at a time). */
function matchedTruth(truth: readonly PlantedLesion[], found: ReadonlyArray<{ x: number; y: number }>): boolean[] {
  return truth.map(
    (_, i) => matchedFindings(truth.slice(0, i + 1), found).size > matchedFindings(truth.slice(0, i), found).size,
  );
}

async function funnelOf(
  planted: Uint8Array,
  clean: Uint8Array,
  lesions: readonly PlantedLesion[],
  mesh: ReadonlyArray<[number, number]>,
) {
  const report = await analyzeImage(planted);
  if (!report.quality.ok) return null;
  const p = await plantedSignals(planted, clean);
  if (!p) return null;
  const { ctx, signals: s, mask, red, dark, bare: bareSignals } = p;
  const candidates = findRedCandidates(ctx, s, mask).map((c) => ({
    ...c,
    confidence: probability(MODELS.red, c.features),
  }));
  // Every statistic red candidates are found on, in units of the old sum's peak (the matched filter's
  // scaled by the ratio of the two peaks), so one "below the candidate peak" test covers all three.
  const combined = redStatistic(s);
  const toEiPeak = CANDIDATE_PEAK.red / CANDIDATE_PEAK.haemoglobin;
  const zRed = makePlane(ctx.width, ctx.height);
  for (let i = 0; i < zRed.data.length; i++)
    zRed.data[i] = Math.max(combined[i] ?? 0, toEiPeak * (s.zHb.data[i] ?? 0), s.zEi.data[i] ?? 0);
  const fromReport = (type: "lesion" | "spot") =>
    report.findings
      .filter((f) => f.type === type)
      .map((f) => ({ x: f.x * report.image.width, y: f.y * report.image.height }));
  const scene = {
    zRed,
    mask,
    parts: maskParts(ctx.mesh, ctx.width, ctx.height),
    hair: ctx.hair,
    L: ctx.lab.L.data,
    medianL: ctx.median.L,
    darkBelow: DARK_BELOW,
    redFindings: red,
    darkSpots: dark,
    candidates,
    threshold: MODELS.red.threshold,
    candidatePeak: CANDIDATE_PEAK.red,
    border: NMS_RADIUS,
  };
  // The evaluation matches each zone's lesions against the findings that lie in that zone (evaluation.ts).
  const zones = faceZones(mesh);
  const findings = fromReport("lesion");
  const matched = new Map<PlantedLesion, boolean>();
  for (const zone of new Set(lesions.map((l) => l.zone))) {
    const truth = lesions.filter((l) => l.zone === zone);
    const hits = matchedTruth(
      truth,
      findings.filter((f) => zones.zoneOf(f.x, f.y) === zone),
    );
    truth.forEach((t, i) => matched.set(t, hits[i] ?? false));
  }
  const group = report.tone?.category ?? "unknown";
  return lesions.map((t) => {
    const at = p.toWindow(t);
    const miss = causeOfRedMiss(scene, at, (t.r + 6) * p.scale, matched.get(t) ?? false);
    let rise = NaN;
    const top = strongestWithin(s.dEi, at.x, at.y, at.r + 1);
    if (bareSignals) rise = (s.dEi.data[top.index] ?? NaN) - (bareSignals.dEi.data[top.index] ?? NaN);
    const noise = s.noiseEi.data[top.index] ?? NaN;
    const noiseDark = s.noiseDark.data[top.index] ?? NaN;
    return { ...miss, group, rise, noise, noiseDark };
  });
}

const sizeOf = (d: number) => `${Math.min(3, Math.floor(d))}–${Math.min(4, Math.floor(d) + 1)} mm`;
const median = (v: number[]) => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] ?? NaN) : NaN;
};

function table(rows: readonly Row[], key: (r: Row) => string, title: string, order?: readonly string[]): string {
  const columns = (order ?? [...new Set(rows.map(key))].sort()).filter((c) => rows.some((r) => key(r) === c));
  const lines = [`| cause | ${columns.join(" | ")} | all |`, `| --- | ${columns.map(() => "---").join(" | ")} | --- |`];
  for (const cause of RED_MISS_CAUSES) {
    const mine = rows.filter((r) => r.cause === cause);
    if (mine.length === 0) continue;
    lines.push(
      `| ${cause} | ${columns.map((c) => mine.filter((r) => key(r) === c).length).join(" | ")} | ${mine.length} |`,
    );
  }
  const found = (c?: string) => {
    const of = rows.filter((r) => c === undefined || key(r) === c);
    return `${Math.round((100 * of.filter((r) => r.cause === "found").length) / Math.max(1, of.length))}%`;
  };
  lines.push(`| recall | ${columns.map(found).join(" | ")} | ${found()} |`);
  return [`**${title}** (${rows.length} planted red lesions on photos the gate passed)`, "", ...lines, ""].join("\n");
}

function signalTable(rows: readonly Row[]): string {
  const lines = [
    "| ITA° group | lesions | median EI rise | median EI noise | median injected SNR | SNR of the missed |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const g of TONE_CATEGORIES) {
    const of = rows.filter((r) => r.group === g);
    if (!of.length) continue;
    const snr = (rs: readonly Row[]) => median(rs.map((r) => r.rise / r.noise)).toFixed(2);
    lines.push(
      `| ${g} | ${of.length} | ${median(of.map((r) => r.rise)).toFixed(2)} | ${median(of.map((r) => r.noise)).toFixed(2)} | ${snr(of)} | ${snr(of.filter((r) => r.cause !== "found"))} |`,
    );
  }
  return [
    "**Signal and noise at the lesions** (filtered EI units; rise = planted − unplanted photo)",
    "",
    ...lines,
    "",
  ].join("\n");
}

/**
 * Per face and added melanin: the ITA° group the analyzer read, recall, and the local noise at the lesions. The
 * dark group mixes faces that are dark as taken with lighter faces re-toned dark; this tells a loss that follows
 * the melanin (the same face's columns) from one that follows the photo (a face's row at every melanin level).
 */
function faceTable(rows: readonly Row[]): string {
  const lines = [
    `| face | ${MELANIN_LEVELS.map((m) => `melanin ${m}`).join(" | ")} |`,
    `| --- | ${MELANIN_LEVELS.map(() => "---").join(" | ")} |`,
  ];
  for (const face of new Set(rows.map((r) => r.face))) {
    const cells = MELANIN_LEVELS.map((m) => {
      const of = rows.filter((r) => r.face === face && r.melanin === m);
      if (!of.length) return "refused";
      const found = of.filter((r) => r.cause === "found").length;
      const nEi = median(of.map((r) => r.noise)).toFixed(1);
      const nDark = median(of.map((r) => r.noiseDark)).toFixed(1);
      return `${of[0]?.group ?? "?"} ${found}/${of.length} (noise EI ${nEi}, dark ${nDark})`;
    });
    lines.push(`| ${face} | ${cells.join(" | ")} |`);
  }
  return [
    "**By face and added melanin** (ITA° group read, red lesions found / planted, median local noise at them)",
    "",
    ...lines,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const only = process.argv.includes("--faces")
    ? (process.argv[process.argv.indexOf("--faces") + 1] ?? "").split(",")
    : null;
  await warmUp();
  const { selfies } = await loadSplit("dev");
  const rows: Row[] = [];
  for (const [i, s] of selfies.entries()) {
    if (only && !only.includes(s.name)) continue;
    for (const melanin of MELANIN_LEVELS) {
      const { clean, planted, lesions } = await plantAsEvaluated(s, i, melanin, 7000);
      const funnel = await funnelOf(planted, clean, lesions, s.face.mesh);
      funnel?.forEach((f, j) => {
        const t = lesions[j];
        if (t) rows.push({ ...f, face: s.name, zone: t.zone, size: sizeOf(t.diameterMm), melanin });
      });
    }
    console.error(`${s.name}: ${rows.length} lesions so far`);
  }
  console.log(table(rows, (r) => r.zone, "By zone", ["forehead", "cheeks", "nose", "chin"]));
  console.log(table(rows, (r) => r.group, "By ITA° group (the analyzer's reading)", TONE_CATEGORIES));
  console.log(table(rows, (r) => r.size, "By planted diameter"));
  console.log(table(rows, (r) => `melanin ${r.melanin}`, "By added melanin"));
  for (const zone of ["nose", "chin"])
    console.log(
      table(
        rows.filter((r) => r.zone === zone),
        (r) => r.group,
        `${zone} by ITA° group`,
        TONE_CATEGORIES,
      ),
    );
  console.log(
    table(
      rows.filter((r) => r.group === "dark"),
      (r) => r.zone,
      "dark group by zone",
      ["forehead", "cheeks", "nose", "chin"],
    ),
  );
  const rejected = rows.filter((r) => r.cause === "classifier" && r.score !== undefined);
  console.log(
    table(
      rejected.map((r) => ({ ...r, cause: "classifier" })),
      (r) => scoreBand(r.score ?? 0),
      "Classifier rejections by best score",
    ),
  );
  console.log(signalTable(rows));
  console.log(faceTable(rows));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
