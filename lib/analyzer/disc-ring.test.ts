import { describe, expect, it } from "vitest";
import { discOrRing } from "./disc-ring";

const byHypot = (dx: number, dy: number, inner: number, outer: number) => {
  const d = Math.hypot(dx, dy);
  return d <= inner ? 1 : d <= outer ? 2 : 0;
};

describe("discOrRing", () => {
  it("agrees with the Math.hypot comparison on random offsets and radii", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) as number;
    for (let i = 0; i < 200_000; i++) {
      const inner = rand() * 6;
      const outer = inner + rand() * 8;
      const dx = (rand() - 0.5) * 30;
      const dy = (rand() - 0.5) * 30;
      expect(discOrRing(dx, dy, inner, outer)).toBe(byHypot(dx, dy, inner, outer));
    }
  });

  it("agrees exactly on the boundaries, where integer and half-pixel offsets land on whole radii", () => {
    const radii = [0, 1, 1.5, 2, 3, 4, 5, 6, 10, 13, 25];
    for (const inner of radii)
      for (const outer of radii.filter((r) => r >= inner))
        for (let dx = -26; dx <= 26; dx += 0.5)
          for (let dy = -26; dy <= 26; dy += 0.5)
            expect(discOrRing(dx, dy, inner, outer)).toBe(byHypot(dx, dy, inner, outer));
  });
});
