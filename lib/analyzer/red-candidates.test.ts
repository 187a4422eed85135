import { describe, expect, it } from "vitest";
import { CANDIDATE_PEAK, findRedCandidates } from "./candidates";
import type { DetectorSignals } from "./lesions";
import { makePlane } from "./planes";
import type { SkinContext } from "./skin-context";

const W = 40;
const H = 40;

/** Flat skin whose detector signals are zero except for one bump of `value` in the plane named. */
function withBump(plane: "zEi" | "zDark", value: number) {
  const planes = {
    dEi: makePlane(W, H),
    dDark: makePlane(W, H),
    zEi: makePlane(W, H),
    zDark: makePlane(W, H),
    noiseEi: makePlane(W, H),
    noiseDark: makePlane(W, H),
  } satisfies DetectorSignals;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) planes[plane].data[y * W + x] = value * Math.exp(-((x - 20) ** 2 + (y - 20) ** 2) / 4);
  const image = { data: new Uint8Array(W * H * 3).fill(150), width: W, height: H };
  const ctx = {
    width: W,
    height: H,
    image,
    labels: new Uint8Array(W * H),
    faceSkin: new Uint8Array(W * H).fill(1),
    folds: new Uint8Array(W * H),
    median: { L: 60, a: 12, b: 15 },
  } as unknown as SkinContext;
  return { ctx, planes, mask: new Uint8Array(W * H).fill(1) };
}

describe("findRedCandidates", () => {
  it("takes a blob that stands out in darkness only (a small papule whose redness the JPEG smeared)", () => {
    // Combined statistic (zEi + zDark)/√2 stays below the candidate peak; darkness alone is above it.
    const value = 1.2 * CANDIDATE_PEAK.red;
    expect(value / Math.SQRT2).toBeLessThan(CANDIDATE_PEAK.red);
    const { ctx, planes, mask } = withBump("zDark", value);
    const found = findRedCandidates(ctx, planes, mask);
    expect(found.some((c) => Math.hypot(c.x - 20.5, c.y - 20.5) < 1)).toBe(true);
  });

  it("takes nothing from flat skin", () => {
    const { ctx, planes, mask } = withBump("zDark", 0);
    expect(findRedCandidates(ctx, planes, mask)).toEqual([]);
  });
});
