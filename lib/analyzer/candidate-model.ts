import fitted from "./candidate-model.json";
import { FEATURE_NAMES } from "./candidates";

/** A binary split on one feature, or a leaf (its value added to the log-odds). */
export type TreeNode = { feature?: number; threshold?: number; left?: TreeNode; right?: TreeNode; value?: number };
/** Boosted trees: log-odds = base + Σ tree values. */
export type TreeEnsemble = { base: number; trees: TreeNode[] };

/**
 * The fitted candidate classifiers, one for red lesions and one for dark spots, over FEATURE_NAMES,
 * with the operating point chosen by cross-validation by face on the dev split. Regenerate with
 * `npm run fit:analyzer` (lib/cli/fit-candidate-model.ts); never fitted on held-out photos.
 */
export type CandidateModel = TreeEnsemble & {
  features: readonly string[];
  /** Probability a candidate needs to become a finding. */
  threshold: number;
};

export const MODELS = fitted as { red: CandidateModel; dark: CandidateModel };

export function evalTree(node: TreeNode, f: readonly number[]): number {
  let n = node;
  while (n.left && n.right) n = (f[n.feature ?? 0] ?? 0) <= (n.threshold ?? 0) ? n.left : n.right;
  return n.value ?? 0;
}

/** Probability that a candidate is a lesion (or spot), from its feature vector. */
export function probability(model: TreeEnsemble, features: readonly number[]): number {
  let t = model.base;
  for (const tree of model.trees) t += evalTree(tree, features);
  return 1 / (1 + Math.exp(-t));
}

type Placed = { x: number; y: number; r: number; features: readonly number[] };

/**
 * The candidates the model accepts, each with its probability as its confidence. Two maxima of one
 * irregular lesion can both pass: where accepted candidates overlap, the more confident one stands for both.
 */
export function acceptCandidates<C extends Placed>(
  model: CandidateModel,
  candidates: readonly C[],
): Array<C & { confidence: number }> {
  if (model.features.join() !== FEATURE_NAMES.join())
    throw new Error("candidate-model.json was fitted on other features: run npm run fit:analyzer");
  const scored = candidates
    .map((c) => ({ ...c, confidence: probability(model, c.features) }))
    .filter((c) => c.confidence >= model.threshold)
    .sort((a, b) => b.confidence - a.confidence);
  const kept: Array<C & { confidence: number }> = [];
  for (const c of scored)
    if (!kept.some((k) => Math.hypot(k.x - c.x, k.y - c.y) < Math.max(k.r, c.r) + 1)) kept.push(c);
  return kept;
}
