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

/** One running sum per column (doubles, so the sums are exact), at least `width` long. */
export function columnSumsScratch(width: number): Float64Array {
  columns = grown(columns, width, (k) => new Float64Array(k));
  return columns;
}
