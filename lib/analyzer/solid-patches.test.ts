import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { markSolidPatches } from "./solid-patches";

/** Pixels under `within`, and those markSolidPatches sets. */
function countSolidPatches(mask: Uint8Array, within: Uint8Array, w: number, h: number, k: number) {
  const out = markSolidPatches(mask, within, w, h, k, new Uint8Array(w * h).fill(7));
  let inside = 0;
  let solid = 0;
  for (let i = 0; i < out.length; i++) {
    if (within[i]) inside++;
    else expect(out[i]).toBe(0);
    solid += out[i] ?? 0;
  }
  return { inside, solid };
}

/** The summed-area-table count photometry.ts used before: the reference. */
function bySummedArea(mask: Uint8Array, within: Uint8Array, w: number, h: number, k: number) {
  const sat = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += mask[y * w + x] ?? 0;
      sat[(y + 1) * (w + 1) + x + 1] = row + (sat[y * (w + 1) + x + 1] ?? 0);
    }
  }
  let inside = 0;
  let solid = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!within[i]) continue;
      inside++;
      if (!mask[i]) continue;
      const x0 = Math.max(0, x - k);
      const x1 = Math.min(w, x + k + 1);
      const y0 = Math.max(0, y - k);
      const y1 = Math.min(h, y + k + 1);
      const sum =
        (sat[y1 * (w + 1) + x1] ?? 0) -
        (sat[y0 * (w + 1) + x1] ?? 0) -
        (sat[y1 * (w + 1) + x0] ?? 0) +
        (sat[y0 * (w + 1) + x0] ?? 0);
      if (sum === (x1 - x0) * (y1 - y0)) solid++;
    }
  }
  return { inside, solid };
}

/** Blobs of set pixels (sheets that hold whole patches) sprinkled with single set pixels (that do not). */
function blobby(w: number, h: number, seed: number, fill: number): Uint8Array {
  const rng = makeSeededRandom(seed);
  const m = new Uint8Array(w * h);
  for (let b = 0; b < 6; b++) {
    const cx = rng() * w;
    const cy = rng() * h;
    const r = 1 + rng() * 8;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) m[y * w + x] = 1;
  }
  for (let i = 0; i < m.length; i++) if (rng() < fill) m[i] = 1;
  return m;
}

describe("markSolidPatches", () => {
  it.each([
    [40, 30, 1, 2, 0.05],
    [23, 57, 2, 2, 0.3],
    [64, 48, 3, 1, 0.6],
    [5, 4, 4, 2, 0.9],
    [3, 3, 5, 2, 1],
  ])("marks as the summed-area table counted (%i × %i, seed %i, k %i, fill %f)", (w, h, seed, k, fill) => {
    const mask = blobby(w, h, seed, fill);
    const within = blobby(w, h, seed + 100, 0.5);
    const got = countSolidPatches(mask, within, w, h, k);
    expect(got).toEqual(bySummedArea(mask, within, w, h, k));
  });

  it("marks a patch cut at the plane's edge when what is left of it is set, and not one with a hole", () => {
    const w = 6;
    const h = 5;
    const mask = new Uint8Array(w * h).fill(1);
    const within = new Uint8Array(w * h).fill(1);
    expect(countSolidPatches(mask, within, w, h, 2)).toEqual({ inside: 30, solid: 30 });
    mask[2 * w + 3] = 0;
    // Every pixel within 2 of (3, 2) loses its patch: columns 1–5, all 5 rows, less the hole itself (unset).
    expect(countSolidPatches(mask, within, w, h, 2)).toEqual({ inside: 30, solid: 5 });
  });
});
