import { probability, type CandidateModel } from "../candidate-model";
import { FEATURE_NAMES } from "../candidates";

/**
 * Why a finding marked in one shot of a face is not marked in a re-shot of it (npm run diagnose:reshoot), in the
 * order the detector decides (candidates.ts, candidate-model.ts, lesions.ts):
 * - "no candidate": no local maximum near it reached the candidates' peak inside the mask;
 * - "classifier, near its threshold": the best candidate there scored within 0.1 of the model's threshold;
 * - "classifier, far from it": it scored lower still (a feature moved across one of the trees' splits);
 * - "under a red finding": a dark spot the model accepted, dropped because a red finding covers it;
 * - "merged": accepted, but an overlapping more confident candidate stood for it.
 */
export const RESHOOT_CAUSES = [
  "no candidate",
  "classifier, near its threshold",
  "classifier, far from it",
  "under a red finding",
  "merged",
] as const;
export type ReshootCause = (typeof RESHOOT_CAUSES)[number];

/** One candidate of one shot, placed in the reference shot's pixels. */
export type ShotCandidate = {
  x: number;
  y: number;
  r: number;
  features: readonly number[];
  probability: number;
  /** Accepted by the model (and, for dark spots, not under a red finding). */
  kept: boolean;
  /** A dark spot the model accepted and the red findings then covered. */
  underRed?: boolean;
};

/** Below this share of skin within twice its radius (the `skinAround` feature) a finding is at the mask's edge. */
export const EDGE_SKIN_SHARE = 0.8;
const SKIN_AROUND = FEATURE_NAMES.indexOf("skinAround");
/** How far a classifier score may sit from the threshold and still count as "near" it. */
const NEAR_THRESHOLD = 0.1;

export type Unrepeated = { finding: ShotCandidate; cause: ReshootCause; atEdge: boolean };

/**
 * The findings kept in `from` with none kept near them in `to`, each with its cause. Two candidates are "near" when
 * their centres are closer than the larger radius plus `slack` (reference px).
 */
export function unrepeatedFindings(
  from: readonly ShotCandidate[],
  to: readonly ShotCandidate[],
  threshold: number,
  slack: number,
): Unrepeated[] {
  const out: Unrepeated[] = [];
  for (const c of from) {
    if (!c.kept) continue;
    const near = to.filter((o) => Math.hypot(o.x - c.x, o.y - c.y) < Math.max(c.r, o.r) + slack);
    if (near.some((o) => o.kept)) continue;
    const best = [...near].sort((a, b) => b.probability - a.probability)[0];
    const cause: ReshootCause = !best
      ? "no candidate"
      : best.probability < threshold
        ? threshold - best.probability <= NEAR_THRESHOLD
          ? "classifier, near its threshold"
          : "classifier, far from it"
        : best.underRed
          ? "under a red finding"
          : "merged";
    out.push({ finding: c, cause, atEdge: (c.features[SKIN_AROUND] ?? 1) < EDGE_SKIN_SHARE });
  }
  return out;
}

/**
 * The dark spots kept in a re-shot that sit on a red lesion kept in the reference shot (centres closer than the two
 * radii plus `slack`): a lesion whose colour the extra JPEG generation took, leaving its darkening, which the dark
 * model then marks. Each such finding moves acne down and pigmentation up at once.
 */
export function lesionsTurnedSpots(
  refRed: readonly ShotCandidate[],
  againDark: readonly ShotCandidate[],
  slack: number,
): ShotCandidate[] {
  const lesions = refRed.filter((c) => c.kept);
  return againDark.filter((d) => d.kept && lesions.some((l) => Math.hypot(l.x - d.x, l.y - d.y) < l.r + d.r + slack));
}

/**
 * How far each feature alone moves a candidate's score between two shots: |p(a with feature j taken from b) − p(a)|.
 * Summed over candidates that crossed the threshold, it names the features whose re-shot noise the trees amplify.
 */
export function scoreSwingByFeature(
  model: CandidateModel,
  a: readonly number[],
  b: readonly number[],
): Record<string, number> {
  const p0 = probability(model, a);
  const out: Record<string, number> = {};
  FEATURE_NAMES.forEach((name, j) => {
    const mixed = [...a];
    mixed[j] = b[j] ?? 0;
    out[name] = Math.abs(probability(model, mixed) - p0);
  });
  return out;
}
