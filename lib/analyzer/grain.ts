import type { DetectorSignals } from "./lesions";
import { robustMedian } from "./planes";

/**
 * How grainy the photo's skin is: the median, over the skin the detectors search, of the local noise of the darkness
 * contrast they read (lesions.ts noiseDark, % optical density in the green channel). Dim light, a small sensor and
 * a camera's denoising leave texture at a lesion's scale, and small lesions and spots sink into it. Nothing searched
 * reads 0 (no grain factor).
 */
export function skinGrain(s: Pick<DetectorSignals, "noiseDark">, mask: Uint8Array): number {
  return robustMedian(s.noiseDark.data, mask);
}

/**
 * The share of small findings a photo this grainy still shows, against a clean one: confidence's grain factor for
 * the counted scores (acne, pigmentation). Calibrated on the dev split's plantings (seed 7000, all four melanin
 * levels, as the evaluation plants and matches; the grain as skinGrain reads the unplanted photo, which planting 12
 * lesions and 6 spots raises by 0–1.1): faces with grain 3–7 found 72% of red lesions (345/480), 8–11 61% (147/240),
 * 13–21 33% (92/276), i.e. 0.85 and 0.46 of clean. So 1 up to 7, falling by 0.065 a unit: 0.87 at 9, 0.48 at 15; the floor,
 * 0.4, keeps the grainiest photo's count from reading as no information (they still found a third of their lesions).
 * Dark spots fall faster (45%, 27%, 12% in the same bands), so for pigmentation the factor is if anything generous.
 * Checked once on the held-out split afterwards, at the same cut points (7.5 and 12; no dev face lies between the
 * dev bands), seed 9000, not tuned on: 68% (324/480, 10 faces), 61% (235/384, 8 faces: 0.91 of clean against 0.84
 * predicted), 30% (71/240, 5 faces: 0.44 against 0.42).
 *
 * Grain is not only the photo's: dark skin photographed in 8 bits reads more of it, as its darkness is measured as
 * optical density, where each level of a dark pixel weighs more. The dark-skinned people in dev read 13.6–20.9 and
 * the four in the naturally dark probe 12.6–16.5, where recall is low too (the probe: 45%): their counts really are
 * less certain, and the card says so in words that blame neither their skin nor their photo.
 */
export function grainFactor(grain: number): number {
  if (!Number.isFinite(grain)) return 1;
  return Math.min(1, Math.max(0.4, 1 - (grain - 7) * 0.065));
}
