import { analyzeImage } from "../analyze";
import { makeRng, matchFindings, plant, retone, type Planted } from "./plant";
import { encodeJpeg, type Selfie } from "./selfies";
import type { SkinReport, ToneCategory } from "../../domain/skin-report";
import type { RgbImage } from "../decode";

/**
 * Matched, unmatched findings and missed truth. `own` (when a baseline run was made; see
 * own-features.ts) counts the false positives that sit on the face's own features: a subset of fp.
 */
export type Tally = { tp: number; fp: number; fn: number; own?: number };
export type PlantedResult = {
  name: string;
  report: SkinReport;
  lesions: Tally;
  spots: Tally;
  tone: ToneCategory | null;
};

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
export const addTally = (a: Tally, b: Tally): Tally => ({
  tp: a.tp + b.tp,
  fp: a.fp + b.fp,
  fn: a.fn + b.fn,
  own: (a.own ?? 0) + (b.own ?? 0),
});
export const recall = (t: Tally) => (t.tp + t.fn === 0 ? NaN : t.tp / (t.tp + t.fn));
/** Matched / all findings: the strict figure, where the face's own moles and stubble count as false. */
export const precision = (t: Tally) => (t.tp + t.fp === 0 ? NaN : t.tp / (t.tp + t.fp));
/** Matched / findings that are not the face's own features (own-features.ts): the lenient figure. */
export const precisionExcludingOwn = (t: Tally) => {
  const fp = t.fp - (t.own ?? 0);
  return t.tp + fp === 0 ? NaN : t.tp / (t.tp + fp);
};

const MIN_SKIN_L = 28;

function cheekLightness(img: RgbImage, mesh: ReadonlyArray<[number, number]>): number {
  // Mesh 50 and 280 sit mid-cheek; average a 9×9 patch at each.
  const toLin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  let y = 0;
  let n = 0;
  for (const idx of [50, 280]) {
    const [cx, cy] = mesh[idx] ?? [0, 0];
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const p = 3 * (Math.round(cy + dy) * img.width + Math.round(cx + dx));
        y +=
          0.2126 * toLin(img.data[p] ?? 0) +
          0.7152 * toLin(img.data[p + 1] ?? 0) +
          0.0722 * toLin(img.data[p + 2] ?? 0);
        n++;
      }
    }
  }
  const Y = y / Math.max(1, n);
  return Y > 0.008856 ? 116 * Math.cbrt(Y) - 16 : 903.3 * Y;
}

/**
 * Plants 6 red lesions (2–5 mm papules) and 4 brown spots (2.5–6 mm) on a selfie, optionally after
 * adding melanin, analyses the JPEG and matches the findings against what was planted.
 */
export async function runPlanted(s: Selfie, seed: number, melanin = 0): Promise<PlantedResult | null> {
  const img = retone(s.image, melanin, s.face.mesh);
  // In vivo facial skin spans L* ≈ 28–75 (Del Bino et al. 2006); darker than that is not a skin tone.
  if (melanin > 0 && cheekLightness(img, s.face.mesh) < MIN_SKIN_L) return null;
  const rng = makeRng(seed);
  const lesions = plant(img, s.face.mesh, {
    type: "lesion",
    count: 6,
    regions: ["leftCheek", "rightCheek", "forehead", "chin"],
    radius: [5, 11],
    strength: [0.45, 0.85],
    rng,
  });
  const spots = plant(img, s.face.mesh, {
    type: "spot",
    count: 4,
    regions: ["leftCheek", "rightCheek", "forehead"],
    radius: [6, 14],
    strength: [0.5, 1.0],
    rng,
    avoid: lesions,
  });
  const report = await analyzeImage(await encodeJpeg(img));
  const found = (type: Planted["type"]) =>
    report.findings
      .filter((f) => f.type === type)
      .map((f) => ({ x: f.x * report.image.width, y: f.y * report.image.height }));
  return {
    name: s.name,
    report,
    lesions: matchFindings(lesions, found("lesion")),
    spots: matchFindings(spots, found("spot")),
    tone: report.tone?.category ?? null,
  };
}
