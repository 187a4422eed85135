/**
 * Scratch planes shared by the box sweeps (box-sweep.ts over whole rows, span-sweep.ts over row spans), one set per
 * thread, grown when a larger plane comes. A sweep never calls out while it holds them, so no two sweeps use them at
 * once; taking them from the scratch arena instead would lend two planes per blur until the analysis ends (~20 blurs
 * a photo). Contents are left as the last sweep wrote them: each sweep reads only what it wrote.
 */

/** Extra capacity when the scratch grows: the next photo's window is a few rows or columns larger. */
const HEADROOM = 1.15;

export const grown = <T extends Float32Array | Float64Array>(have: T, need: number, make: (n: number) => T): T =>
  have.length >= need ? have : make(Math.ceil(need * HEADROOM));

let horizontal = new Float32Array(0);
let between = new Float32Array(0);
let columns = new Float64Array(0);

/** The horizontal sums' plane, at least `size` long. */
export function horizontalScratch(size: number): Float32Array {
  horizontal = grown(horizontal, size, (k) => new Float32Array(k));
  return horizontal;
}

/** The plane between two passes, at least `size` long. */
export function betweenScratch(size: number): Float32Array {
  between = grown(between, size, (k) => new Float32Array(k));
  return between;
}

/**
 * `passes` box passes chained from `src` to `out`, pass passes − 1 first (as planes.ts gaussianBlur chains boxBlur):
 * the earlier ones write the between-plane, since they cover pixels `out` must keep. `pass` runs pass p.
 */
export function chainPasses(
  src: Float32Array,
  out: Float32Array,
  size: number,
  passes: number,
  pass: (source: Float32Array, target: Float32Array, p: number) => void,
): void {
  const planeBetween = betweenScratch(passes > 1 ? size : 0);
  let source = src;
  for (let p = passes - 1; p >= 0; p--) {
    const target = p === 0 ? out : planeBetween;
    pass(source, target, p);
    source = target;
  }
}

/** One running sum per column (doubles, so the sums are exact), at least `width` long. */
export function columnSumsScratch(width: number): Float64Array {
  columns = grown(columns, width, (k) => new Float64Array(k));
  return columns;
}
