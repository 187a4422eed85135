import { describe, expect, it } from "vitest";
import { grow } from "./blown-skin";
import { withArena } from "./scratch-arena";

/** The square dilation grow() computes, pixel by pixel: 1 where any pixel within ±r in x and y (inside the image) is. */
function growByHand(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          const u = x + dx;
          const v = y + dy;
          if (u >= 0 && v >= 0 && u < width && v < height && mask[v * width + u]) out[y * width + x] = 1;
        }
  return out;
}

describe("blown-skin grow", () => {
  it.each([
    [37, 23, 4, 0.02],
    [9, 31, 2, 0.1],
    [5, 4, 4, 0.2],
  ])("on %i×%i, r %i (%f of pixels set) marks every pixel within r of a set one, edges included", (w, h, r, share) => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const mask = Uint8Array.from({ length: w * h }, () => (rnd() < share ? 1 : 0));
    mask[0] = 1;
    mask[w * h - 1] = 1;
    const grown = withArena(() => grow(mask, w, h, r).slice());
    expect(Array.from(grown)).toEqual(Array.from(growByHand(mask, w, h, r)));
  });
});
