/**
 * Diagnostic (not a test, not the published evaluation): what the red-candidate stage offers the classifier on
 * the dev split, read from a `npm run fit:analyzer -- --cache <file>` candidate cache. Prints, on the photos as
 * taken, the ceiling (planted lesions with any candidate within r + 6 px) by melanin level, ITA° group, zone
 * and size, and the candidates per photo; with `--cv`, the red classifier's leave-one-face-out recall and
 * precision by the same groups at the fit's operating point (precision ≥ 0.90), optionally without some
 * features (`--drop name,name`) or with ratio features computed from the cached ones (`--derive name,name`).
 * The ITA° group is read from the candidates' `ita` feature (the analyzer's skin median), as the evaluation does.
 * `--hb-peak <z>` keeps only the matched filter's own candidates (`viaHb`) that peak at ≥ z, as a higher
 * candidate peak would; `--hb-peak off` keeps none of them: the combined statistic's candidates alone.
 *
 *   npx tsx lib/cli/red-candidate-report.ts /tmp/cache.json [--cv] [--drop odR,odG] [--derive zRatio,noiseRatio]
 *     [--hb-peak off|2.1]
 */
import { readFileSync } from "node:fs";
import { acceptCandidates, type CandidateModel } from "../analyzer/candidate-model";
import { FEATURE_NAMES } from "../analyzer/candidates";
import { DEFAULT_BOOST, fitBoosted } from "../analyzer/testing/boosting";
import type { CandidatePhoto } from "../analyzer/testing/candidate-set";
import { matchedFindings } from "../analyzer/testing/plant";

const args = process.argv.slice(2);
const file = args[0] ?? "";
const dropAt = args.indexOf("--drop");
const drop = new Set((dropAt >= 0 ? (args[dropAt + 1] ?? "") : "").split(",").filter(Boolean));
const dropIdx = new Set(FEATURE_NAMES.flatMap((n, i) => (drop.has(n) ? [i] : [])));
const photos = JSON.parse(readFileSync(file, "utf8")) as CandidatePhoto[];
const hbPeakAt = args.indexOf("--hb-peak");
if (hbPeakAt >= 0) {
  const arg = args[hbPeakAt + 1] ?? "off";
  const min = arg === "off" ? Infinity : Number(arg);
  const viaHb = FEATURE_NAMES.indexOf("viaHb");
  const peak = FEATURE_NAMES.indexOf("peak");
  for (const p of photos) p.red = p.red.filter((c) => c.features[viaHb] !== 1 || (c.features[peak] ?? 0) >= min);
}
/** Candidate ratio features computed from the cached ones (`--derive`), to try before adding them to describe(). */
const F = (n: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(n);
const DERIVED: Record<string, (f: number[]) => number> = {
  zRatio: (f) => (f[F("zEi")] ?? 0) / Math.max(0.5, Math.abs(f[F("zDark")] ?? 0)),
  discOverRingEi: (f) => ((f[F("dEi")] ?? 0) - (f[F("ringEi")] ?? 0)) / Math.max(0.6, f[F("noiseEi")] ?? 0),
  odRedShare: (f) =>
    ((f[F("odG")] ?? 0) - (f[F("odR")] ?? 0)) /
    Math.max(0.01, Math.abs(f[F("odR")] ?? 0) + Math.abs(f[F("odG")] ?? 0) + Math.abs(f[F("odB")] ?? 0)),
  noiseRatio: (f) => (f[F("noiseEi")] ?? 0) / Math.max(0.8, f[F("noiseDark")] ?? 0),
};
const deriveAt = args.indexOf("--derive");
const derive = (deriveAt >= 0 ? (args[deriveAt + 1] ?? "") : "").split(",").filter((n) => n in DERIVED);
if (derive.length)
  for (const p of photos)
    for (const c of [...p.red, ...p.dark])
      c.features = [...c.features, ...derive.map((n) => (DERIVED[n] ?? (() => 0))(c.features))];
const ITA = FEATURE_NAMES.indexOf("ita");
const GROUPS: Array<[string, number]> = [
  ["very-light", 55],
  ["light", 41],
  ["intermediate", 28],
  ["tan", 10],
  ["brown", -30],
  ["dark", -Infinity],
];
const groupOf = (p: CandidatePhoto) => {
  const ita = 45 * (p.red[0]?.features[ITA] ?? p.dark[0]?.features[ITA] ?? 0);
  return GROUPS.find(([, lo]) => ita > lo)?.[0] ?? "dark";
};
const sizeOf = (d: number) => (d < 2 ? "1–2 mm" : d < 3 ? "2–3 mm" : "3–4 mm");
const asTaken = photos.filter((p) => p.variant === "as taken");
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;

type Tally = { tp: number; fn: number; fp: number };
function tallyBy(
  keyOf: (p: CandidatePhoto, zone: string, d: number) => string[],
  found: (p: CandidatePhoto) => Set<number>,
) {
  const t = new Map<string, Tally>();
  const add = (k: string, f: keyof Tally) => {
    const v = t.get(k) ?? { tp: 0, fn: 0, fp: 0 };
    v[f]++;
    t.set(k, v);
  };
  for (const p of asTaken) {
    const truth = p.truth.filter((x) => x.type === "lesion");
    const hit = found(p);
    truth.forEach((x, i) => {
      for (const k of keyOf(p, x.zone, x.diameterMm)) add(k, hit.has(i) ? "tp" : "fn");
    });
  }
  return t;
}
const keys = (p: CandidatePhoto, zone: string, d: number) => [
  "all",
  `melanin ${p.melanin}`,
  `ita ${groupOf(p)}`,
  `zone ${zone}`,
  `size ${sizeOf(d)}`,
];
/** Truth indices with any candidate within r + 6 px (the classifier's ceiling). */
const anyCandidate = (p: CandidatePhoto) =>
  new Set(
    p.truth
      .filter((x) => x.type === "lesion")
      .flatMap((t, i) => (p.red.some((c) => Math.hypot(c.x - t.x, c.y - t.y) < t.r + 6) ? [i] : [])),
  );
const ceiling = tallyBy(keys, anyCandidate);
console.info(`ceiling (as taken, ${asTaken.length} photos):`);
for (const [k, v] of [...ceiling].sort()) console.info(`  ${k.padEnd(20)} ${pct(v.tp, v.tp + v.fn)}`);
const perPhoto = (ps: CandidatePhoto[], kind: "red" | "dark") =>
  (ps.reduce((a, p) => a + p[kind].length, 0) / Math.max(1, ps.length)).toFixed(1);
console.info(`candidates per photo as taken: red ${perPhoto(asTaken, "red")}, dark ${perPhoto(asTaken, "dark")}`);

if (args.includes("--cv")) {
  const strip = (f: number[]) => f.map((v, i) => (dropIdx.has(i) ? 0 : v));
  const label = (p: CandidatePhoto, c: { x: number; y: number }) =>
    p.truth.some((t) => t.type === "lesion" && Math.hypot(t.x - c.x, t.y - c.y) < t.r + 6) ? 1 : 0;
  const faces = [...new Set(photos.map((p) => p.face))];
  const scored = new Map<CandidatePhoto, number[]>();
  for (const face of faces) {
    const train = photos.filter((p) => p.face !== face);
    const x = train.flatMap((p) => p.red.map((c) => strip(c.features)));
    const y = train.flatMap((p) => p.red.map((c) => label(p, c)));
    const model = fitBoosted(x, y, DEFAULT_BOOST);
    for (const p of asTaken.filter((q) => q.face === face))
      scored.set(
        p,
        p.red.map((c) => {
          const m: CandidateModel = { ...model, features: FEATURE_NAMES, threshold: 0 };
          return acceptCandidates(m, [{ ...c, features: strip(c.features) }])[0]?.confidence ?? 0;
        }),
      );
  }
  const accepted = (p: CandidatePhoto, threshold: number) => {
    const conf = scored.get(p) ?? [];
    const m: CandidateModel = { base: 0, trees: [], features: FEATURE_NAMES, threshold };
    // Same overlap rule as acceptCandidates, on the cross-validated confidences.
    const kept = p.red
      .map((c, i) => ({ ...c, confidence: conf[i] ?? 0 }))
      .filter((c) => c.confidence >= m.threshold)
      .sort((a, b) => b.confidence - a.confidence)
      .reduce<Array<{ x: number; y: number; r: number }>>(
        (k, c) => (k.some((o) => Math.hypot(o.x - c.x, o.y - c.y) < Math.max(o.r, c.r) + 1) ? k : [...k, c]),
        [],
      );
    return kept;
  };
  for (let threshold = 0.3; threshold <= 0.851; threshold += 0.05) {
    let tp = 0;
    let found = 0;
    let planted = 0;
    for (const p of asTaken) {
      const truth = p.truth.filter((t) => t.type === "lesion");
      const kept = accepted(p, threshold);
      tp += matchedFindings(truth, kept).size;
      found += kept.length;
      planted += truth.length;
    }
    console.info(`cv t=${threshold.toFixed(2)} recall ${pct(tp, planted)} precision ${pct(tp, found)}`);
    if (tp / Math.max(1, found) >= 0.9) {
      // A planted lesion counts as found when an accepted candidate lies within its r + 6 px (slightly kinder
      // than matchFindings' one-to-one pairing where two lesions share a finding).
      const byGroup = tallyBy(keys, (p) => {
        const kept = accepted(p, threshold);
        const truth = p.truth.filter((t) => t.type === "lesion");
        return new Set(
          truth.flatMap((t, i) => (kept.some((f) => Math.hypot(f.x - t.x, f.y - t.y) < t.r + 6) ? [i] : [])),
        );
      });
      for (const [k, v] of [...byGroup].sort()) console.info(`  ${k.padEnd(20)} ${pct(v.tp, v.tp + v.fn)}`);
      break;
    }
  }
}
