import { describe, expect, it } from "vitest";
import { clippedPixels, type RednessSkin } from "./redness-skin";
import { confidenceOf } from "./scores";
import { wholeSkin } from "./testing/whole-skin";
import type { RegionName } from "../domain/skin-report";

const REDNESS_REGIONS: RegionName[] = ["leftCheek", "rightCheek", "nose", "forehead"];

/** Four regions of 10,000 px, all skin, nothing blown: only what the caller takes away limits coverage. */
const context = wholeSkin(REDNESS_REGIONS);
// A raw value far from every grade edge and a sharp photo, so skin coverage is the only limit.
const FAR_FROM_EDGES = 3;
const SHARP = 10;

describe("redness confidence counts only the skin redness could read", () => {
  it("is full with every pixel readable", () => {
    expect(confidenceOf(context, "redness", FAR_FROM_EDGES, { pxPerMm: SHARP }).confidence).toBeGreaterThan(0.9);
  });

  it("falls, and says over-exposure is why, when a clipped channel leaves 60% of the skin unread", () => {
    const skin: Partial<Record<RegionName, RednessSkin>> = Object.fromEntries(
      REDNESS_REGIONS.map((r) => [r, { n: 4_000, ei: 40, clipped: 6_000 }]),
    );
    const unread = clippedPixels(skin, REDNESS_REGIONS);
    expect(unread).toBe(24_000);
    const { confidence, limitedBy } = confidenceOf(context, "redness", FAR_FROM_EDGES, { pxPerMm: SHARP }, unread);
    expect(confidence).toBeLessThan(0.6);
    expect(limitedBy).toBe("blown");
  });
});
