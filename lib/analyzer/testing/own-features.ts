import { matchedFindings, type Planted } from "./plant";
import type { Tally } from "./planted-run";

/** A finding in photo px, with its radius. */
export type PlacedFinding = { x: number; y: number; r: number };

/**
 * Matches findings against what was planted, then names the face's own features among the false
 * positives: a finding the planted photo has where the same photo analysed WITHOUT planting already had
 * one (within that finding's radius + `slack` px, the planted match's tolerance) is a mark the face
 * itself carries: a mole, a freckle, a stubble dot or a pore the detector also takes for a spot.
 *
 * `own` is a subset of `fp`: the strict precision (tp / all findings) keeps counting them, the
 * precision "excluding own features" drops them. Neither is hidden; real moles are not errors, but a
 * stubble dot found twice is still one, so the truth lies between the two figures.
 */
export function matchWithBaseline(
  truth: readonly Planted[],
  found: readonly PlacedFinding[],
  baseline: readonly PlacedFinding[],
  slack = 6,
): Tally {
  const matched = matchedFindings(truth, found, slack);
  const unmatched = found.filter((_, i) => !matched.has(i));
  const used = new Set<number>();
  let own = 0;
  for (const f of unmatched) {
    // One baseline feature explains one finding: two findings on one mole count once as own.
    let best = -1;
    let bestD = Infinity;
    baseline.forEach((b, i) => {
      const d = Math.hypot(b.x - f.x, b.y - f.y);
      if (!used.has(i) && d < b.r + slack && d < bestD) {
        best = i;
        bestD = d;
      }
    });
    if (best >= 0) {
      used.add(best);
      own++;
    }
  }
  return { tp: matched.size, fp: unmatched.length, fn: truth.length - matched.size, own };
}
