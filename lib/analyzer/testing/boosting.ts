import { evalTree, type TreeEnsemble, type TreeNode } from "../candidate-model";

/**
 * Gradient-boosted shallow trees for binary log-loss (Friedman 2001), written plainly: each round fits
 * a depth-limited regression tree to the gradient, splitting on feature quantiles (histogram search,
 * as LightGBM does), with Newton leaf values, shrinkage and a minimum leaf size.
 */
export type BoostOptions = {
  rounds: number;
  depth: number;
  rate: number;
  minLeaf: number;
  lambda: number;
  /**
   * Features the log-odds may only rise with (indices), all else equal: LightGBM's "basic" monotone
   * constraint. A split on one is kept only if its left leaf is ≤ its right, and the subtrees below are
   * bounded by the midpoint of the two, so each tree, and so their sum, never falls as the feature rises.
   */
  monotone?: readonly number[];
};

export const DEFAULT_BOOST: BoostOptions = { rounds: 150, depth: 2, rate: 0.1, minLeaf: 20, lambda: 1 };

const BINS = 32;

/** Per feature: the candidate thresholds (quantiles) and each row's bin (values ≤ cuts[b] fall in bin ≤ b). */
function binFeatures(x: readonly number[][]): { cuts: number[][]; bins: Uint8Array[] } {
  const dims = x[0]?.length ?? 0;
  const cuts: number[][] = [];
  const bins: Uint8Array[] = [];
  for (let j = 0; j < dims; j++) {
    const v = x.map((r) => r[j] ?? 0).sort((a, b) => a - b);
    const c = [
      ...new Set(Array.from({ length: BINS - 1 }, (_, k) => v[Math.floor(((k + 1) / BINS) * (v.length - 1))] ?? 0)),
    ];
    cuts.push(c);
    bins.push(
      Uint8Array.from(x, (r) => {
        const val = r[j] ?? 0;
        let b = 0;
        while (b < c.length && val > (c[b] ?? 0)) b++;
        return b;
      }),
    );
  }
  return { cuts, bins };
}

type Grad = { g: Float64Array; h: Float64Array };

type Bounds = { lo: number; hi: number };
const UNBOUNDED: Bounds = { lo: -Infinity, hi: Infinity };

function buildTree(
  rows: Uint32Array,
  grad: Grad,
  depth: number,
  o: BoostOptions,
  b: ReturnType<typeof binFeatures>,
  bounds: Bounds = UNBOUNDED,
): TreeNode {
  let G = 0;
  let H = 0;
  for (const i of rows) {
    G += grad.g[i] ?? 0;
    H += grad.h[i] ?? 0;
  }
  const value = (g: number, h: number) => Math.min(bounds.hi, Math.max(bounds.lo, (-g / (h + o.lambda)) * o.rate));
  const leaf: TreeNode = { value: value(G, H) };
  if (depth === 0 || rows.length < 2 * o.minLeaf) return leaf;
  const parent = (G * G) / (H + o.lambda);
  let best = { gain: 1e-9, j: -1, bin: 0, mid: 0 };
  const hg = new Float64Array(BINS + 1);
  const hh = new Float64Array(BINS + 1);
  const hn = new Uint32Array(BINS + 1);
  b.bins.forEach((col, j) => {
    hg.fill(0);
    hh.fill(0);
    hn.fill(0);
    for (const i of rows) {
      const k = col[i] ?? 0;
      hg[k] = (hg[k] ?? 0) + (grad.g[i] ?? 0);
      hh[k] = (hh[k] ?? 0) + (grad.h[i] ?? 0);
      hn[k] = (hn[k] ?? 0) + 1;
    }
    let gl = 0;
    let hl = 0;
    let nl = 0;
    const nCuts = b.cuts[j]?.length ?? 0;
    const monotone = o.monotone?.includes(j) ?? false;
    for (let k = 0; k < nCuts; k++) {
      gl += hg[k] ?? 0;
      hl += hh[k] ?? 0;
      nl += hn[k] ?? 0;
      if (nl < o.minLeaf || rows.length - nl < o.minLeaf) continue;
      const wl = value(gl, hl);
      const wr = value(G - gl, H - hl);
      if (monotone && wl > wr) continue;
      const gain = (gl * gl) / (hl + o.lambda) + ((G - gl) * (G - gl)) / (H - hl + o.lambda) - parent;
      if (gain > best.gain) best = { gain, j, bin: k, mid: monotone ? (wl + wr) / 2 : NaN };
    }
  });
  if (best.j < 0) return leaf;
  const col = b.bins[best.j] ?? new Uint8Array();
  const left = rows.filter((i) => (col[i] ?? 0) <= best.bin);
  const right = rows.filter((i) => (col[i] ?? 0) > best.bin);
  const split = !Number.isNaN(best.mid);
  return {
    feature: best.j,
    threshold: b.cuts[best.j]?.[best.bin] ?? 0,
    left: buildTree(left, grad, depth - 1, o, b, split ? { lo: bounds.lo, hi: best.mid } : bounds),
    right: buildTree(right, grad, depth - 1, o, b, split ? { lo: best.mid, hi: bounds.hi } : bounds),
  };
}

export function fitBoosted(
  x: readonly number[][],
  y: readonly number[],
  o: BoostOptions = DEFAULT_BOOST,
): TreeEnsemble {
  const pos = y.reduce((s, v) => s + v, 0);
  const base = Math.log(Math.max(1, pos) / Math.max(1, y.length - pos));
  const margin = Float64Array.from(y, () => base);
  const b = binFeatures(x);
  const trees: TreeNode[] = [];
  const all = Uint32Array.from(y, (_, i) => i);
  const grad: Grad = { g: new Float64Array(y.length), h: new Float64Array(y.length) };
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < y.length; i++) {
      const p = 1 / (1 + Math.exp(-(margin[i] ?? 0)));
      grad.g[i] = p - (y[i] ?? 0);
      grad.h[i] = Math.max(1e-6, p * (1 - p));
    }
    const tree = buildTree(all, grad, o.depth, o, b);
    trees.push(tree);
    for (let i = 0; i < y.length; i++) margin[i] = (margin[i] ?? 0) + evalTree(tree, x[i] ?? []);
  }
  return { base, trees };
}
