/**
 * npm run fit:analyzer — fits the candidate classifiers (lib/analyzer/candidate-model.json) on the dev
 * split only. Plants lesions and spots with the evaluation's generator (other seeds than the evaluation's)
 * on each dev face at four melanin levels, as taken and re-shot two ways; labels each candidate by whether
 * a planted lesion lies within its radius + 6 px (the evaluation's match rule); chooses each operating
 * point by leave-one-face-out cross-validation; then fits on all dev faces and writes the JSON.
 *
 * Dark candidates on the face's own features (where the same photo, same tone and re-shoot, without planting had
 * a dark-spot finding of the model in force when the candidates were collected: moles, freckles, stubble dots) are
 * "don't care" (testing/candidate-labels.ts): left out of training and out of the dark cross-validated precision,
 * as the evaluation's "excl. own features" precision leaves them out. The evaluation's strict precision (all
 * findings) still counts them false. Red keeps every unmatched candidate a negative. After a change of candidates the
 * first collection's own features are the previous model's findings on the new candidates; a second collection with the
 * refitted model settles them.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { acceptCandidates, type CandidateModel, type TreeNode } from "../analyzer/candidate-model";
import { FEATURE_NAMES } from "../analyzer/candidates";
import { warmUp } from "../analyzer/index";
import { DEFAULT_BOOST, fitBoosted, type BoostOptions } from "../analyzer/testing/boosting";
import { candidateLabel, TRUTH_TYPE, type CandidateKind as Kind } from "../analyzer/testing/candidate-labels";
import { collectCandidates, type CandidatePhoto } from "../analyzer/testing/candidate-set";
import { MELANIN_LEVELS } from "../analyzer/testing/evaluation";
import { matchWithBaseline } from "../analyzer/testing/own-features";
import { loadSplit } from "../analyzer/testing/photo-set";

const SEEDS = [21000, 23000];
/**
 * Moles and lentigines darker than the evaluation's spots (absorbance 0.9–2.0, ≈ 35–60% darker), on a
 * seed of their own and as taken only, so the trees see what a dark spot does beyond the evaluation's
 * range. Without them the fitted model turned dark spots down the darker they were: a painted 3.5 mm
 * forehead spot scored 0.68–0.70 at absorbance 0.8–1.1, then 0.28–0.47 at 1.4 and 0.11–0.22 at 2.0 (dev
 * faces), so a real mole was not marked. They train only; the operating point is chosen on the
 * evaluation's range (crossValidate scores the plain "as taken" photos).
 */
const DARK_MOLE_SEED = 25000;
const DARK_MOLES = { spotStrength: [0.9, 2.0], asTakenOnly: true, tag: "dark moles" } as const;
/**
 * Each model's operating point: the most recall whose cross-validated precision, on the photos as taken
 * (what the evaluation plants on; the re-shoots only widen what the trees learn from), reaches this.
 * Red at the 0.90 of all findings; spots at 0.80 excluding the face's own features (the rule-based
 * detector had 0.73 on dev; the issue sets no spot precision, but a false spot moves the pigmentation grade as much
 * as a real one, and a real mole found is not one).
 */
const MIN_PRECISION: Record<Kind, number> = { red: 0.9, dark: 0.8 };
/**
 * The dark-spot model may only grow more confident as a spot stands further out of the skin around it
 * (its contrast and its z-scores), all else equal: pigment does not become less of a spot by being darker.
 * Hair, brows and nostrils are darker still, but they are told apart by shape, the mask and colour.
 */
const MONOTONE_DARK = ["peak", "zDark", "dDark", "discZ"] as const;
/**
 * Red stays at depth 2. Cross-validated on dev as taken, recall at ≥ 90% precision (recall7, 28 Nov, on the
 * luminance darkness): depth 2 49.5%, 2 ×300 rounds 50.7%, 3 51.1%, 4 51.2%, 3 ×250 rounds at rate 0.06 50.9%;
 * on the green-OD darkness, depth 2 51.0% and 3 ×250 at 0.06 51.9%. But on the dev evaluation (planted seed 7000,
 * re-shoots seed 7500) depth 3 ×250 at 0.06 found 536 of 975 red lesions against 526, and cost the targets: re-shoot
 * agreement 164/193 → 158/192 (acne 95 → 90 of 110 pairs) and a recall gap of 11.8 → 15.1 points.
 */
const BOOST: Record<Kind, BoostOptions> = {
  red: DEFAULT_BOOST,
  dark: { ...DEFAULT_BOOST, monotone: MONOTONE_DARK.map((n) => FEATURE_NAMES.indexOf(n)) },
};
/**
 * Steps of 0.025: at 0.05 the red operating point jumped between 0.55 and 0.60 when a refit read 89.1% instead of
 * 90.0% at 0.55 (recall6, 28 Nov), a step of 1.7 points of recall for one point of precision.
 */
const THRESHOLDS = Array.from({ length: 25 }, (_, k) => 0.2 + 0.025 * k);

function trainingSet(photos: readonly CandidatePhoto[], kind: Kind) {
  const x: number[][] = [];
  const y: number[] = [];
  for (const p of photos)
    for (const c of p[kind]) {
      const label = candidateLabel(p, kind, c);
      if (label === null) continue;
      x.push(c.features);
      y.push(label);
    }
  return { x, y };
}

/** Rounds to 5 significant digits: the JSON stays small and a diff of it stays readable. */
function compact(node: TreeNode): TreeNode {
  const r = (v: number) => Number(v.toPrecision(5));
  if (node.left && node.right)
    return {
      feature: node.feature,
      threshold: r(node.threshold ?? 0),
      left: compact(node.left),
      right: compact(node.right),
    };
  return { value: r(node.value ?? 0) };
}

function crossValidate(photos: readonly CandidatePhoto[], kind: Kind) {
  const faces = [...new Set(photos.map((p) => p.face))];
  const tallies = THRESHOLDS.map(() => ({ tp: 0, fp: 0, fn: 0, own: 0 }));
  for (const face of faces) {
    const { x, y } = trainingSet(
      photos.filter((p) => p.face !== face),
      kind,
    );
    const ensemble = fitBoosted(x, y, BOOST[kind]);
    for (const p of photos.filter((q) => q.face === face && q.variant === "as taken")) {
      const truth = p.truth.filter((t) => t.type === TRUTH_TYPE[kind]);
      THRESHOLDS.forEach((threshold, k) => {
        const model: CandidateModel = { ...ensemble, features: FEATURE_NAMES, threshold };
        const own = kind === "dark" ? (p.ownDark ?? []) : [];
        const m = matchWithBaseline(truth, acceptCandidates(model, p[kind]), own);
        const t = tallies[k];
        if (t) Object.assign(t, { tp: t.tp + m.tp, fp: t.fp + m.fp, fn: t.fn + m.fn, own: t.own + (m.own ?? 0) });
      });
    }
  }
  return THRESHOLDS.map((threshold, k) => {
    const t = tallies[k] ?? { tp: 0, fp: 0, fn: 0, own: 0 };
    return {
      threshold,
      recall: t.tp / Math.max(1, t.tp + t.fn),
      precision: t.tp / Math.max(1, t.tp + t.fp),
      precisionExclOwn: t.tp / Math.max(1, t.tp + t.fp - t.own),
    };
  });
}

async function main() {
  await warmUp();
  const { selfies } = await loadSplit("dev");
  // --cache <file>: reuse (or save) the collected candidates when only the fitting changes.
  const cacheAt = process.argv.indexOf("--cache");
  const cache = cacheAt >= 0 ? process.argv[cacheAt + 1] : undefined;
  let photos: CandidatePhoto[];
  if (cache && existsSync(cache)) {
    photos = JSON.parse(readFileSync(cache, "utf8")) as CandidatePhoto[];
    // A cache from before own features were recorded would silently score them as false and move the operating point.
    if (photos.some((p) => p.ownDark === undefined))
      throw new Error(`${cache} has no own-feature findings (ownDark): delete it and collect again`);
    // A cache from before a feature was added would fit trees that never split on it under the new names.
    if (photos.some((p) => [...p.red, ...p.dark].some((c) => c.features.length !== FEATURE_NAMES.length)))
      throw new Error(`${cache} holds another feature vector than FEATURE_NAMES: delete it and collect again`);
  } else {
    console.info(`collecting candidates on ${selfies.length} dev faces…`);
    photos = [
      ...(await collectCandidates(selfies, SEEDS, MELANIN_LEVELS)),
      ...(await collectCandidates(selfies, [DARK_MOLE_SEED], MELANIN_LEVELS, undefined, {
        ...DARK_MOLES,
        spotStrength: [...DARK_MOLES.spotStrength],
      })),
    ];
    if (cache) writeFileSync(cache, JSON.stringify(photos));
  }
  const out: Record<string, CandidateModel & { cv: { recall: number; precision: number; precisionExclOwn?: number } }> =
    {};
  for (const kind of ["red", "dark"] as const) {
    const curve = crossValidate(photos, kind);
    for (const c of curve)
      console.info(
        `${kind} t=${c.threshold.toFixed(3)} recall ${(100 * c.recall).toFixed(1)}% precision ${(100 * c.precision).toFixed(1)}% (excl. own ${(100 * c.precisionExclOwn).toFixed(1)}%)`,
      );
    const ok = curve.filter((c) => (kind === "dark" ? c.precisionExclOwn : c.precision) >= MIN_PRECISION[kind]);
    const chosen = ok[0] ?? curve[curve.length - 1];
    if (!chosen) throw new Error("no operating point");
    const { x, y } = trainingSet(photos, kind);
    const ensemble = fitBoosted(x, y, BOOST[kind]);
    out[kind] = {
      features: FEATURE_NAMES,
      threshold: Number(chosen.threshold.toFixed(3)),
      // precision: of all findings; precisionExclOwn (dark only): what the operating point was chosen on.
      cv: {
        recall: Number(chosen.recall.toFixed(3)),
        precision: Number(chosen.precision.toFixed(3)),
        ...(kind === "dark" ? { precisionExclOwn: Number(chosen.precisionExclOwn.toFixed(3)) } : {}),
      },
      base: Number(ensemble.base.toPrecision(5)),
      trees: ensemble.trees.map(compact),
    };
    console.info(`${kind}: threshold ${chosen.threshold.toFixed(3)} (cross-validated by face)`);
  }
  const file = path.join(process.cwd(), "lib/analyzer/candidate-model.json");
  writeFileSync(file, `${JSON.stringify(out)}\n`);
  console.info(`wrote ${file}`);
}

void main();
