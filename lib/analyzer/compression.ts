import type { CountScoreKey } from "../domain/grading";

/**
 * The share of small findings a photo saved at `quality` (lib/domain/jpeg-quality.ts) still shows, against one saved
 * at 90 or more: confidence's compression factor for the counted scores (acne, pigmentation). A JPEG quantises fine
 * detail more coarsely as quality falls, and a 1–2 mm lesion is fine detail. Calibrated on the dev split's plantings
 * (seed 7000, all four melanin levels, saved 4:2:0 as the evaluation saves them): red lesions found at q92 58.6%
 * (584/996), q85 51.8%, q80 45.7%, q75 39.2%, q65 32.3%, q55 27.4%, i.e. 0.88, 0.78, 0.67, 0.55 and 0.47 of q92. So 1
 * from 90 up (the app uploads at 90), falling by 0.02 a unit to 0.7 at 75, then by 0.01, with grain's floor of 0.4.
 * Grainy photos lose more to it: at q75 the grainiest dev faces kept 0.50 of their q92 finds, the cleanest 0.72, so
 * the product of this factor and grain's (grain.ts) is if anything generous to a grainy, compressed photo.
 * Unknown (not a JPEG): 1.
 *
 * Dark spots lose far less (same plantings: 31.1% found at q92, 30.0 at q85, 27.8 at q80, 27.5 at q75, 26.5 at q65,
 * 26.4 at q55, i.e. 0.96, 0.89, 0.88, 0.85, 0.85): a spot's darkness is in luma, which JPEG keeps at full resolution
 * and quantises more finely than colour. Pigmentation's factor takes 0.4 of red lesions' loss: 0.96, 0.92, 0.88,
 * 0.84, 0.80 at those qualities.
 */
export function compressionFactor(quality: number | null, score: CountScoreKey = "acne"): number {
  if (quality === null || !Number.isFinite(quality)) return 1;
  const steep = Math.min(15, Math.max(0, 90 - quality));
  const shallow = Math.max(0, 75 - quality);
  const lesions = Math.max(0.4, 1 - 0.02 * steep - 0.01 * shallow);
  return score === "acne" ? lesions : 1 - SPOTS_SHARE_OF_LOSS * (1 - lesions);
}

/** The share of red lesions' loss to compression that dark spots suffer (dev, above). */
const SPOTS_SHARE_OF_LOSS = 0.4;
