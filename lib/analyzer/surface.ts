import { FACE_WIDTH, FACE_WIDTH_MM } from "./face-crop";
import { contrastToBackgroundAt, smallMask, smallMaskedBlur, smallMaskWeight } from "./masked-blur";
import { T_ZONE } from "./mesh-regions";
import { downsample, gaussianBlur } from "./planes";
import { arena } from "./scratch-arena";
import { regionLabel, type SkinContext } from "./skin-context";
import { REGION_NAMES, type RegionName } from "../domain/skin-report";

/**
 * Surface signs: pore texture and shine.
 */

/** Band-pass (DoG σ 1–3 px at 256 px face width) L* energy on cheeks and nose. Measured on the clean sample crops: 0.3–1.5. */
export function measureTexture(ctx: SkinContext): number {
  // At 256 px face width a 0.75× or JPEG q70 copy still holds this band, so the grade does not move with them.
  const small = downsample(ctx.lab.L, 2);
  const want = labelSet(["leftCheek", "rightCheek", "nose"]);
  const counted = (x: number, y: number) => {
    const i = 2 * y * ctx.width + 2 * x;
    return ctx.skin[i] === 1 && want[ctx.labels[i] as number] === 1;
  };
  // Both blurs only over the rows counted (cheeks and nose): the same values there as whole-plane blurs.
  let from = small.height;
  let to = -1;
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      if (!counted(x, y)) continue;
      from = Math.min(from, y);
      to = y;
      break;
    }
  }
  if (to < 0) return 0;
  const rows = { from, to };
  const fine = gaussianBlur(small, 1, arena.float32(small.data.length), rows);
  const coarse = gaussianBlur(small, 3, arena.float32(small.data.length), rows);
  let acc = 0;
  let n = 0;
  for (let y = from; y <= to; y++) {
    for (let x = 0; x < small.width; x++) {
      if (!counted(x, y)) continue;
      const d = (fine.data[y * small.width + x] ?? 0) - (coarse.data[y * small.width + x] ?? 0);
      acc += d * d;
      n++;
    }
  }
  return n > 0 ? Math.sqrt(acc / n) : 0;
}

/**
 * How far below the lower lids glasses reach: a lens is 30–40 mm tall and centred near the pupil, so
 * its rim sits 10–15 mm below the lid; 20 mm covers the rim and the nose pads with a margin.
 */
const LENS_BELOW_LID_MM = 20;

/**
 * Below this share of the face's typical light (the median skin L*) skin is in shade: a hat brim's shadow on the
 * forehead measured 1/4–1/8 of the light. Shade has no direct light to reflect, so it holds no highlights; its
 * chroma falls with its lightness, so it would pass the chroma test; and its edge against lit skin reads as a
 * lift. Face relief under ordinary light (a 3:1 key's fill side, the sides of the nose) stays above it.
 */
const SHADE_BELOW = Math.log(3);

export type ShineReading = {
  /** Specular % of the lit T-zone skin. */
  percent: number;
  /** Lit T-zone skin pixels the share is taken over. */
  pixels: number;
};

/**
 * Specular fraction of the T-zone (% of pixels): well above the local skin luminance and less saturated
 * than the skin around them. Ratios (log luminance, chroma share) so that ±10% exposure does not move
 * the grade. The nose counts only from LENS_BELOW_LID_MM below the lower lids: above that glasses'
 * lenses and nose pads sit, and their glare is not skin shine. Only lit skin counts (SHADE_BELOW), and the local
 * luminance is a blur over lit skin only: a dark hat brim, hair or brows beside the skin no longer pull it down
 * and make the skin at their edge read as a highlight. On a dev face under a brim the old measure (a blur over
 * everything, all skin counted) read 8 as shot and 17 shifted by 3%; bare, it read 7.5 there, mostly the skin
 * between fringe strands (now 0.5: the one highlight left is on the nose).
 */
export function measureShine(ctx: SkinContext): ShineReading {
  const { logY, a, b } = ctx.lab;
  const shadeBelow = Math.log(lightnessToY(ctx.median.L) + LOG_Y_EPS) - SHADE_BELOW;
  // Blown skin is left out of `skin` (no colour or texture to measure), but a blown highlight on the T-zone is the
  // brightest shine there is: shine reads it back, so its share is what it was before blown skin was left out.
  const lit = arena.uint8(ctx.skin.length);
  for (let y = 0; y < ctx.height; y++) litRow(ctx, lit, logY.data, shadeBelow, y * ctx.width, (y + 1) * ctx.width);
  // The local light on lit skin, from lit skin only: shade beside it (under a brim, around a lit band) would
  // lower it and lift the lit skin at the shade's edge into a "highlight".
  // Read only at the lit T-zone pixels below, not as a whole plane: the same values.
  const liftAt = contrastToBackgroundAt(
    logY,
    smallMaskedBlur(logY, lit, 16),
    smallMaskWeight(smallMask(lit, ctx.width, ctx.height), 16),
    1,
  );
  const inTZone = labelSet(T_ZONE);
  const nose = regionLabel("nose");
  const lensBottom =
    Math.max(ctx.mesh[145]?.[1] ?? 0, ctx.mesh[374]?.[1] ?? 0) + LENS_BELOW_LID_MM * (FACE_WIDTH / FACE_WIDTH_MM);
  const chromaMedian = Math.hypot(ctx.median.a, ctx.median.b);
  const pick: ShinePick = {
    labels: ctx.labels,
    lit,
    inTZone,
    nose,
    lensBottom,
    liftAt,
    a: a.data,
    b: b.data,
    chromaMedian,
  };
  // [T-zone pixels read, of them shine]
  const counts = Int32Array.of(0, 0);
  for (let y = 0; y < ctx.height; y++) shineRow(pick, y, ctx.width, counts);
  const [n = 0, hits = 0] = counts;
  return { percent: n > 0 ? (100 * hits) / n : 0, pixels: n };
}

/*
 * measureShine's per-pixel loops as row functions: it runs once an analysis, and its own loops ran through
 * on-stack-replacement code that deoptimised every analysis (masked-blur.ts contrastRow).
 */

/** lit = skin (blown T-zone skin included, see measureShine) not in shade, pixels from..to − 1. */
function litRow(
  ctx: Pick<SkinContext, "skin" | "blown" | "labels" | "hair">,
  lit: Uint8Array,
  logY: Float32Array,
  shadeBelow: number,
  from: number,
  to: number,
): void {
  const { skin: skinMask, blown, labels, hair } = ctx;
  for (let i = from; i < to; i++) {
    const skin = skinMask[i] || (blown[i] && labels[i] && !hair[i]);
    lit[i] = skin && (logY[i] as number) >= shadeBelow ? 1 : 0;
  }
}

type ShinePick = {
  labels: Uint8Array;
  lit: Uint8Array;
  inTZone: Uint8Array;
  nose: number;
  lensBottom: number;
  liftAt: (x: number, y: number) => number;
  a: Float32Array;
  b: Float32Array;
  chromaMedian: number;
};

/** Row y of measureShine's count: counts[0] += the lit T-zone pixels read, counts[1] += those that shine. */
function shineRow(p: ShinePick, y: number, width: number, counts: Int32Array): void {
  const { labels, lit, inTZone, nose, lensBottom, liftAt, a, b, chromaMedian } = p;
  let n = 0;
  let hits = 0;
  for (let x = 0, i = y * width; x < width; x++, i++) {
    const label = labels[i] as number;
    if (!lit[i] || !inTZone[label]) continue;
    if (label === nose && y < lensBottom) continue;
    n++;
    // ≥ 30% brighter than the local skin and chroma below 75% of the skin's: measured on the sample highlights.
    // The chroma only where the lift passes: most pixels fail it, and hypot is the loop's costliest call.
    if (liftAt(x, y) > 0.26 && Math.hypot(a[i] as number, b[i] as number) < 0.75 * chromaMedian) hits++;
  }
  counts[0] = (counts[0] as number) + n;
  counts[1] = (counts[1] as number) + hits;
}

/** The EPS of color.ts's logY plane: logY = ln(Y + EPS). */
const LOG_Y_EPS = 0.001;
/** CIELAB L* → relative luminance Y (inverse of f, CIE 15). */
function lightnessToY(L: number): number {
  const f = (L + 16) / 116;
  return f > 6 / 29 ? f ** 3 : L / 903.3;
}

/** Lookup by label (0 = none) of the regions named. */
function labelSet(names: readonly RegionName[]): Uint8Array {
  const set = new Uint8Array(REGION_NAMES.length + 1);
  for (const name of names) set[regionLabel(name)] = 1;
  return set;
}
