import type { RegionName } from "../../domain/skin-report";

/**
 * What confidenceOf reads of a face (scores.ts), for tests: `regions` of 10,000 px each, all skin, nothing blown, so
 * skin coverage limits nothing and only what a test changes can.
 */
export function wholeSkin(regions: readonly RegionName[]) {
  return {
    stats: Object.fromEntries(regions.map((r) => [r, { n: 10_000, L: 60, a: 12, b: 15, ei: 40 }])),
    areas: Object.fromEntries(regions.map((r) => [r, 10_000])),
    blownAreas: {},
  };
}

/** The regions the counted scores read (scores.ts READS for acne and pigmentation). */
export const COUNTED_REGIONS: readonly RegionName[] = ["forehead", "leftCheek", "rightCheek", "nose", "chin"];
