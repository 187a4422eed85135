import { describe, expect, it } from "vitest";
import { hypot2 } from "./hypot";

/** A fixed-seed generator: the same inputs every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("hypot2", () => {
  it("gives Math.hypot's bits on gradients of float32 planes, where Math.sqrt(x² + y²) does not", () => {
    const next = rng(7);
    const f = new Float32Array(4);
    let sqrtDiffers = 0;
    for (let i = 0; i < 200_000; i++) {
      for (let k = 0; k < 4; k++) f[k] = next() * (i % 5 === 0 ? 1e-4 : 1);
      const gx = (f[0] as number) - (f[1] as number);
      const gy = (f[2] as number) - (f[3] as number);
      const want = Math.hypot(gx, gy);
      if (hypot2(gx, gy) !== want) expect.fail(`hypot2(${gx}, ${gy}) = ${hypot2(gx, gy)}, Math.hypot ${want}`);
      if (Math.sqrt(gx * gx + gy * gy) !== want) sqrtDiffers++;
    }
    // The check above is only meaningful if the naive formula would have failed it.
    expect(sqrtDiffers).toBeGreaterThan(10_000);
  });

  it.each([
    [0, 0],
    [-0, 3],
    [3, -4],
    [1e-310, 1e-310],
    [1e300, 1e300],
    [Infinity, NaN],
    [NaN, -Infinity],
    [NaN, 1],
    [2, NaN],
  ])("agrees with Math.hypot(%d, %d) at the edges", (x, y) => {
    expect(Object.is(hypot2(x, y), Math.hypot(x, y))).toBe(true);
  });
});
