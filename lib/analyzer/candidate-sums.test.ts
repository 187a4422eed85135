import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { opticalDensities, ringAndDisc, type OdSource } from "./candidate-sums";
import { discAndRing, opticalDensity } from "./testing/candidate-sums-reference";

const W = 61;
const H = 47;

/** A plane with a face plane's spread (signs, some values tiny) and a window of random colours on patchy skin. */
function scene(seed: number) {
  const rng = makeSeededRandom(seed);
  const plane = () => Float32Array.from({ length: W * H }, () => 40 * (rng() - 0.3) * (rng() < 0.1 ? 1e-3 : 1));
  const data = Uint8Array.from({ length: 3 * W * H }, () => Math.floor(rng() * 256));
  const faceSkin = Uint8Array.from({ length: W * H }, () => (rng() < 0.7 ? 1 : 0));
  const od: OdSource = { width: W, height: H, image: { data }, faceSkin };
  return { rng, ei: plane(), dark: plane(), z: plane(), od };
}

/** Blob centres on and off the half-pixel grid, at the window's edges and beyond, radii from under 1 px to 13. */
function blobs(rng: () => number): { x: number; y: number; r: number }[] {
  const out = [
    { x: 0.5, y: 0.5, r: 1 },
    { x: W - 0.5, y: H - 0.5, r: 2 },
    { x: 30, y: 20, r: 1.5 },
    { x: 30.5, y: 20.5, r: 3 },
    { x: -1.2, y: 10, r: 4 },
  ];
  for (let k = 0; k < 300; k++)
    out.push({
      x: rng() * (W + 4) - 2,
      y: rng() * (H + 4) - 2,
      r: rng() < 0.2 ? Math.round(rng() * 8) / 2 : 0.3 + rng() * 13,
    });
  return out;
}

describe("candidate-sums", () => {
  it.each([1, 2, 3])(
    "ringAndDisc gives the separate walks' ring means, ring minimum and disc mean bit for bit (seed %i)",
    (seed) => {
      const { rng, ei, dark, z } = scene(seed);
      for (const b of blobs(rng)) {
        const got = ringAndDisc(ei, dark, z, W, H, b.x, b.y, b.r);
        const e = discAndRing(ei, W, H, b.x, b.y, b.r);
        const d = discAndRing(dark, W, H, b.x, b.y, b.r);
        const zz = discAndRing(z, W, H, b.x, b.y, b.r);
        expect([got.ringEi, got.ringDark, got.ringMinDark, got.discZ]).toEqual([e.ring, d.ring, d.ringMin, zz.disc]);
      }
    },
  );

  it.each([1, 1.5, 2, 3.25])("opticalDensities gives both footprints' walks bit for bit (grow %f)", (grow) => {
    const { rng, od } = scene(Math.round(10 + 4 * grow)); // integer seeds: the generator truncates them
    let nonZero = 0;
    for (const b of blobs(rng)) {
      const got = opticalDensities(od, b.x, b.y, b.r, grow);
      const want = [...opticalDensity(od, b.x, b.y, b.r), ...opticalDensity(od, b.x, b.y, b.r + grow)];
      expect(got).toEqual(want);
      if (got.every((v) => v !== 0)) nonZero++;
    }
    // The comparison is of real densities, not of the zeros an empty disc or ring gives.
    expect(nonZero).toBeGreaterThan(250);
  });
});
