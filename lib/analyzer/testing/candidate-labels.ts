import type { CandidatePhoto } from "./candidate-set";

export type CandidateKind = "red" | "dark";
/** The planted truth each candidate kind is matched against. */
export const TRUTH_TYPE = { red: "lesion", dark: "spot" } as const;

/**
 * Whether a dark candidate sits on one of the face's own features: where the same photo without planting already
 * had a dark-spot finding (within its radius + 6 px, the evaluation's rule). A real mole or freckle looks like a
 * planted spot; counted as a negative, it taught the trees to reject spot-like blobs. Red keeps its labels: its own
 * features were not examined (spots9).
 */
export function onOwnFeature(p: Pick<CandidatePhoto, "ownDark">, kind: CandidateKind, c: { x: number; y: number }) {
  return kind === "dark" && (p.ownDark ?? []).some((o) => Math.hypot(o.x - c.x, o.y - c.y) < o.r + 6);
}

/**
 * A candidate's training label: 1 within a planted lesion's (spot's) radius + 6 px (the evaluation's match rule),
 * null ("don't care": left out of training and of the cross-validated precision) on the face's own feature, else 0.
 */
export function candidateLabel(
  p: Pick<CandidatePhoto, "truth" | "ownDark">,
  kind: CandidateKind,
  c: { x: number; y: number },
): 1 | 0 | null {
  if (p.truth.some((t) => t.type === TRUTH_TYPE[kind] && Math.hypot(t.x - c.x, t.y - c.y) < t.r + 6)) return 1;
  return onOwnFeature(p, kind, c) ? null : 0;
}
