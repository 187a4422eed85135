import type { Plane } from "../planes";

/**
 * Why a planted dark spot was not marked, in the order the detector loses it (lesions.ts, candidates.ts):
 * - "found": a dark-spot finding matches it;
 * - "found as red": a red-lesion finding took it (detectDarkSpots drops spots under red findings);
 * - "overlap": a candidate there passed the classifier but a more confident neighbour stood for it;
 * - "classifier": candidates there, all turned down by the fitted model;
 * - "below the candidate peak": the statistic candidates are found on (melanin's matched filter) never reaches
 *   the candidates' peak within the spot;
 * - "outside the mask (…)": its strongest pixel is off the lesion mask, and which part took it out;
 * - "no local peak": above the peak and on the mask, yet no candidate: a stronger maximum within the
 *   suppression radius (NMS) held the spot's pixels, or its extent was taken by a neighbour.
 */
export const MISS_CAUSES = [
  "found",
  "found as red",
  "overlap",
  "classifier",
  "below the candidate peak",
  "outside the mask (beard)",
  "outside the mask (too dark: hair, frames)",
  "outside the mask (zones, feature cut-outs)",
  "no local peak",
] as const;
export type MissCause = (typeof MISS_CAUSES)[number];

type At = { x: number; y: number };
type Scored = At & { confidence: number };

/** Everything in window pixels of one analysed photo (SkinContext coordinates). */
export type SpotScene = {
  /** The statistic dark candidates are found on (lesions.ts zMel). */
  z: Plane;
  /** The lesion mask candidates are searched in (candidates.ts lesionMask). */
  mask: Uint8Array;
  /** Beard and stubble (SkinContext.hair). */
  hair: Uint8Array;
  /** L* and the face's median L*, to name the "far darker than the skin" exclusion. */
  L: Float32Array;
  medianL: number;
  /** How much darker than the median skin counts as hair or frames (skin-context.ts OUTLIER_DARK_L). */
  darkBelow: number;
  darkSpots: readonly At[];
  redLesions: readonly At[];
  /** Every dark candidate, with the model's probability. */
  candidates: readonly Scored[];
  threshold: number;
  candidatePeak: number;
};

/** The pixel of the highest z within radius r of (x, y), and that z. */
export function strongestWithin(z: Plane, x: number, y: number, r: number): { index: number; z: number } {
  let best = { index: -1, z: -Infinity };
  const R = Math.ceil(r);
  const cx = Math.round(x - 0.5);
  const cy = Math.round(y - 0.5);
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) {
      const px = cx + dx;
      const py = cy + dy;
      if (dx * dx + dy * dy > r * r || px < 0 || py < 0 || px >= z.width || py >= z.height) continue;
      const v = z.data[py * z.width + px] ?? -Infinity;
      if (v > best.z) best = { index: py * z.width + px, z: v };
    }
  }
  return best;
}

/**
 * The cause for one planted spot at (x, y) with radius r; `reach` is the evaluation's match distance
 * (radius + 6 photo px) in window pixels.
 */
export function causeOfMiss(scene: SpotScene, spot: At & { r: number }, reach: number): MissCause {
  const near = (p: At) => Math.hypot(p.x - spot.x, p.y - spot.y) < reach;
  if (scene.darkSpots.some(near)) return "found";
  if (scene.redLesions.some(near)) return "found as red";
  const here = scene.candidates.filter(near);
  if (here.some((c) => c.confidence >= scene.threshold)) return "overlap";
  if (here.length > 0) return "classifier";
  const top = strongestWithin(scene.z, spot.x, spot.y, spot.r + 1);
  if (top.index < 0 || top.z < scene.candidatePeak) return "below the candidate peak";
  if (!scene.mask[top.index]) {
    if (scene.hair[top.index]) return "outside the mask (beard)";
    if ((scene.L[top.index] ?? 0) <= scene.medianL - scene.darkBelow)
      return "outside the mask (too dark: hair, frames)";
    return "outside the mask (zones, feature cut-outs)";
  }
  return "no local peak";
}

/**
 * Where a false dark-spot finding sits (spots10), in the order checked: on the face's own feature (the unplanted
 * photo's finding within its radius + reach), on a planted red lesion, found as red or not (within its radius +
 * reach: haemoglobin darkens green too), or within `edge` px of the finding's rim of beard and stubble, of skin far darker than the face
 * (brows, hairline, frames; the lesion mask's "too dark" cut-out), or of the mask's other edges (eyes, lips, nostrils),
 * else on open skin. Spots9 supposed the hard ones sat on brow edges and stubble; this counts them.
 */
export const FALSE_PLACES = [
  "own feature",
  "on a planted red lesion",
  "beard or stubble edge",
  "brow, hairline or frames edge",
  "mask edge (eye, lip, nostril)",
  "open skin",
] as const;
export type FalsePlace = (typeof FALSE_PLACES)[number];

type Disc = At & { r: number };

export function falseFindingPlace(
  scene: Pick<SpotScene, "mask" | "hair" | "L" | "medianL" | "darkBelow" | "z">,
  finding: Disc,
  around: { own: readonly Disc[]; lesions: readonly Disc[]; reach: number; edge: number },
): FalsePlace {
  const on = (d: Disc) => Math.hypot(d.x - finding.x, d.y - finding.y) < d.r + around.reach;
  if (around.own.some(on)) return "own feature";
  if (around.lesions.some(on)) return "on a planted red lesion";
  const { width: w, height: h } = scene.z;
  // From the finding's rim, not its centre: a 3 mm spot's edge can touch a brow its centre is 2 mm from.
  const edgeR = around.edge + finding.r;
  const E = Math.ceil(edgeR);
  const cx = Math.round(finding.x - 0.5);
  const cy = Math.round(finding.y - 0.5);
  let hair = false;
  let dark = false;
  let edge = false;
  for (let dy = -E; dy <= E; dy++)
    for (let dx = -E; dx <= E; dx++) {
      const x = cx + dx;
      const y = cy + dy;
      if (dx * dx + dy * dy > edgeR * edgeR || x < 0 || y < 0 || x >= w || y >= h) continue;
      const i = y * w + x;
      if (scene.hair[i]) hair = true;
      else if (!scene.mask[i]) {
        if ((scene.L[i] ?? 0) <= scene.medianL - scene.darkBelow) dark = true;
        else edge = true;
      }
    }
  if (hair) return "beard or stubble edge";
  if (dark) return "brow, hairline or frames edge";
  return edge ? "mask edge (eye, lip, nostril)" : "open skin";
}
