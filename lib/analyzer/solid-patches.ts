/**
 * Pixels under `within` whose whole (2k + 1)² patch (cut at the plane's edges) is set in `mask`, and the pixels under
 * `within`. The gate's blown-skin share (photometry.ts) asks this of its clipped mask. It read the patch sums from a
 * summed-area table of the whole window, a Float64 plane written and read for every pixel; most skin does not clip,
 * so the patch is now only looked at around a set pixel under `within`, and given up at its first unset pixel. The
 * counts are integers either way: the same answer.
 */
export function countSolidPatches(
  mask: Uint8Array,
  within: Uint8Array,
  width: number,
  height: number,
  k: number,
): { inside: number; solid: number } {
  let inside = 0;
  let solid = 0;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      if (!within[i]) continue;
      inside++;
      if (mask[i] && patchIsSet(mask, width, height, x, y, k)) solid++;
    }
  }
  return { inside, solid };
}

function patchIsSet(mask: Uint8Array, width: number, height: number, x: number, y: number, k: number): boolean {
  const x0 = Math.max(0, x - k);
  const x1 = Math.min(width - 1, x + k);
  const y1 = Math.min(height - 1, y + k);
  for (let yy = Math.max(0, y - k); yy <= y1; yy++)
    for (let j = yy * width + x0, end = yy * width + x1; j <= end; j++) if (!mask[j]) return false;
  return true;
}
