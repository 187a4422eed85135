import { detectionOval, FEATURE_CUTOUTS, fillDetectionZones, fillPolygon, grownPolygon } from "../mesh-regions";
import type { Plane } from "../planes";
import { strongestWithin } from "./spot-misses";

/**
 * Why a planted red lesion was not marked, attributed to exactly one stage, in the order the analyzer
 * loses it (skin-context.ts → candidates.ts → candidate-model.ts → the evaluation's matching):
 * - "found": the evaluation's one-to-one, per-zone matching pairs it with a red finding;
 * - "merged": a red finding lies within reach, but the matching gave it to another planted lesion, or
 *   it lies in another zone (the evaluation only matches a zone's lesions against that zone's findings);
 * - "found as a dark spot": no red finding, but a dark-spot finding took it;
 * - "overlap": a candidate there passed the classifier, but a more confident neighbour out of reach stood for it;
 * - "classifier": candidates there, all turned down by the fitted model (their best score is kept);
 * - "outside the mask (…)" first, when none of the lesion's disc is on the lesion mask: nothing was measured there
 *   (a planted lesion wholly on a full beard reads z ≈ 0, which "below the candidate peak" would misname);
 * - "below the candidate peak": neither red statistic reaches CANDIDATE_PEAK.red within the lesion;
 * - "outside the mask (…)": its strongest pixel is off the lesion mask, and which exclusion took it out,
 *   checked in the order skin-context.ts applies them;
 * - "window edge": within the non-maximum-suppression border of the analysed window (or outside it);
 * - "no local peak": above the peak and on the mask, yet no candidate: a stronger maximum within the
 *   suppression radius (NMS) held the lesion's pixels.
 * There is no specular or glare exclusion in the lesion mask (only the shine score reads glare), so none is named.
 */
export const RED_MISS_CAUSES = [
  "found",
  "merged",
  "found as a dark spot",
  "overlap",
  "classifier",
  "below the candidate peak",
  "outside the mask (face outline)",
  "outside the mask (between the zones)",
  "outside the mask (cut-outs: eyes, brows, lips)",
  "outside the mask (beard, stubble)",
  "outside the mask (too dark: hair, brows, frames)",
  "window edge",
  "no local peak",
] as const;
export type RedMissCause = (typeof RED_MISS_CAUSES)[number];

type At = { x: number; y: number };
type Scored = At & { confidence: number };
type Mesh = ReadonlyArray<readonly [number, number]>;

/** The parts of the lesion mask that skin-context.ts draws from the mesh, each as its own window mask. */
export type MaskParts = {
  /** Inside the whole-face detection oval (mesh-regions.ts detectionOval). */
  oval: Uint8Array;
  /** Inside the detection zones (forehead, nose, cheeks down the jaw, chin). */
  zones: Uint8Array;
  /** Inside a grown eye, brow or lip cut-out. */
  cutouts: Uint8Array;
};

/** Draws the mesh-based parts of the lesion mask the way skin-context.ts labelCrop does, in window pixels. */
export function maskParts(mesh: Mesh, width: number, height: number): MaskParts {
  const pts = mesh.map(([x, y]): [number, number] => [x, y]);
  const oval = new Uint8Array(width * height);
  fillPolygon(oval, width, height, detectionOval(pts));
  const zones = new Uint8Array(width * height);
  fillDetectionZones(zones, width, height, pts);
  const cutouts = new Uint8Array(width * height);
  for (const { ring, grow } of FEATURE_CUTOUTS) fillPolygon(cutouts, width, height, grownPolygon(pts, ring, grow));
  return { oval, zones, cutouts };
}

/** Everything in window pixels of one analysed photo (SkinContext coordinates). */
export type RedScene = {
  /** The larger of the two statistics red candidates are found on (redStatistic and zEi, each over its peak × candidatePeak), per pixel. */
  zRed: Plane;
  /** The lesion mask candidates are searched in (candidates.ts lesionMask). */
  mask: Uint8Array;
  parts: MaskParts;
  /** Beard and stubble (SkinContext.hair). */
  hair: Uint8Array;
  /** L* and the face's median L*, to name the "far darker than the skin" exclusion. */
  L: Float32Array;
  medianL: number;
  /** How much darker than the median skin counts as hair or frames (skin-context.ts OUTLIER_DARK_L). */
  darkBelow: number;
  redFindings: readonly At[];
  darkSpots: readonly At[];
  /** Every red candidate, with the model's probability. */
  candidates: readonly Scored[];
  threshold: number;
  candidatePeak: number;
  /** candidates.ts NMS_RADIUS: maxima closer than this to the window's edge are never looked at. */
  border: number;
};

export type RedMiss = {
  cause: RedMissCause;
  /** Best classifier score of the candidates there, if any. */ score?: number;
};

/**
 * The stage that lost one planted lesion at (x, y) with radius r (window px). `matched` is the evaluation's
 * own verdict; `reach` its match distance (radius + 6 photo px) in window pixels.
 */
export function causeOfRedMiss(scene: RedScene, lesion: At & { r: number }, reach: number, matched: boolean): RedMiss {
  if (matched) return { cause: "found" };
  const near = (p: At) => Math.hypot(p.x - lesion.x, p.y - lesion.y) < reach;
  if (scene.redFindings.some(near)) return { cause: "merged" };
  if (scene.darkSpots.some(near)) return { cause: "found as a dark spot" };
  const here = scene.candidates.filter(near);
  const score = here.length ? Math.max(...here.map((c) => c.confidence)) : undefined;
  if (score !== undefined) return { cause: score >= scene.threshold ? "overlap" : "classifier", score };
  const top = strongestWithin(scene.zRed, lesion.x, lesion.y, lesion.r + 1);
  if (top.index < 0) return { cause: "window edge" };
  // A lesion wholly off the mask was dropped before any statistic was read there: with no skin around, its
  // contrast and z are not measured (a full beard reads z ≈ 0), so "below the peak" would misname the stage.
  if (strongestWithin(maskPlane(scene), lesion.x, lesion.y, lesion.r).z <= 0) {
    const { width: w } = scene.zRed;
    const why = maskExclusion(scene, Math.round(lesion.y - 0.5) * w + Math.round(lesion.x - 0.5));
    if (why) return { cause: why };
  }
  if (top.z < scene.candidatePeak) return { cause: "below the candidate peak" };
  const { width: w, height: h } = scene.zRed;
  const px = top.index % w;
  const py = (top.index - px) / w;
  if (!scene.mask[top.index]) {
    const why = maskExclusion(scene, top.index);
    if (why) return { cause: why };
  }
  const b = scene.border;
  if (px < b || py < b || px >= w - b || py >= h - b) return { cause: "window edge" };
  return { cause: "no local peak" };
}

/** Score bands for the classifier's rejections: how far below the operating point they fell. */
export function scoreBand(score: number): string {
  return score < 0.1 ? "score < 0.1" : score < 0.3 ? "score 0.1–0.3" : score < 0.5 ? "score 0.3–0.5" : "score ≥ 0.5";
}

/** The mask as a plane (1 on it, 0 off it), to find whether any of a lesion's disc is on it. */
function maskPlane(scene: RedScene): Plane {
  const data = new Float32Array(scene.mask.length);
  for (let i = 0; i < data.length; i++) data[i] = scene.mask[i] ? 1 : 0;
  return { width: scene.zRed.width, height: scene.zRed.height, data };
}

/** Which exclusion took pixel i off the lesion mask, checked in the order skin-context.ts applies them. */
function maskExclusion(scene: RedScene, i: number): RedMissCause | null {
  if (!scene.parts.oval[i]) return "outside the mask (face outline)";
  if (!scene.parts.zones[i]) return "outside the mask (between the zones)";
  if (scene.parts.cutouts[i]) return "outside the mask (cut-outs: eyes, brows, lips)";
  if (scene.hair[i]) return "outside the mask (beard, stubble)";
  if ((scene.L[i] ?? 0) <= scene.medianL - scene.darkBelow) return "outside the mask (too dark: hair, brows, frames)";
  return null;
}
