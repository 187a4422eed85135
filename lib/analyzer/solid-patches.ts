/**
 * Sets `out` (and returns it) at the pixels under `within` whose whole (2k + 1)² patch (cut at the plane's edges) is
 * set in `mask`: the centres of blown skin (blown-skin.ts). It read the patch sums from a summed-area table of the
 * whole window, a Float64 plane written and read for every pixel; most skin does not clip, so the patch is now only
 * looked at around a set pixel under `within`, and given up at its first unset pixel. The same answer.
 */
export function markSolidPatches(
  mask: Uint8Array,
  within: Uint8Array,
  width: number,
  height: number,
  k: number,
  out: Uint8Array,
): Uint8Array {
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      out[i] = within[i] && mask[i] && patchIsSet(mask, width, height, x, y, k) ? 1 : 0;
    }
  }
  return out;
}

function patchIsSet(mask: Uint8Array, width: number, height: number, x: number, y: number, k: number): boolean {
  const x0 = Math.max(0, x - k);
  const x1 = Math.min(width - 1, x + k);
  const y1 = Math.min(height - 1, y + k);
  for (let yy = Math.max(0, y - k); yy <= y1; yy++)
    for (let j = yy * width + x0, end = yy * width + x1; j <= end; j++) if (!mask[j]) return false;
  return true;
}
