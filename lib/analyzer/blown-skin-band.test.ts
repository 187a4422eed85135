import { describe, expect, it } from "vitest";
import { blownSkin, grow } from "./blown-skin";
import { withArena } from "./scratch-arena";
import { markSolidPatches } from "./solid-patches";

/** blownSkin as it was computed over the whole window: patches anywhere, grown everywhere, then cut to `within`. */
function wholeWindow(white: Uint8Array, within: Uint8Array, w: number, h: number) {
  const centres = markSolidPatches(white, new Uint8Array(w * h).fill(1), w, h, 2, new Uint8Array(w * h));
  const leftOut = grow(centres, w, h, 4).slice();
  for (let i = 0; i < w * h; i++) if (!within[i]) centres[i] = leftOut[i] = 0;
  return { centres: Array.from(centres), leftOut: Array.from(leftOut) };
}

/** Random blobs of white (clipped) pixels in rows from..to, the rest mid skin; `within` a random half-plane. */
function scene(w: number, h: number, from: number, to: number, seed: number) {
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const white = new Uint8Array(w * h);
  for (let blob = 0; blob < 6 && to >= from; blob++) {
    const cx = Math.floor(rnd() * w);
    const cy = from + Math.floor(rnd() * (to - from + 1));
    const r = 2 + rnd() * 4;
    for (let y = from; y <= to; y++)
      for (let x = 0; x < w; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) white[y * w + x] = 1;
  }
  const data = new Uint8Array(3 * w * h);
  for (let i = 0; i < w * h; i++) data.set(white[i] ? [255, 255, 255] : [190, 140, 120], 3 * i);
  const within = Uint8Array.from({ length: w * h }, (_, i) => ((i % w) + Math.floor(i / w) < w ? 1 : 0));
  return { image: { data, width: w, height: h }, white, within };
}

describe("blownSkin in the band of clipped rows", () => {
  it.each([
    ["the middle", 14, 20],
    ["the top edge", 0, 5],
    ["the bottom edge", 34, 39],
    ["one row", 20, 20],
    ["no row", 1, 0],
  ])("gives the whole window's centres and rims with the clipping in %s", (_, from, to) => {
    const [w, h] = [31, 40];
    for (const seed of [3, 17, 101]) {
      const { image, white, within } = scene(w, h, from, to, seed);
      const got = withArena(() => {
        const { centres, leftOut } = blownSkin(image, within);
        return { centres: Array.from(centres), leftOut: Array.from(leftOut) };
      });
      expect(got).toEqual(wholeWindow(white, within, w, h));
    }
  });
});
