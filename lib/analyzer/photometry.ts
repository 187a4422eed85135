import { denoisedEdgeBlurMm, edgeBlurMm, noiseLevels } from "./focus";
import { downsample, selectedPercentile, type Plane } from "./planes";
import { GATE, lumaPlane, normalisedLaplacianVariance } from "./quality";
import { arena } from "./scratch-arena";
import { measureCheekLight } from "./shading";
import { blownShare, regionLabel, type SkinContext } from "./skin-context";
import { measureTerminator } from "./terminator";
import { REGION_NAMES } from "../domain/skin-report";

/** The largest blown share of any region: a blow-out whitens whole regions, bright light their highlights. */
const mostBlownRegion = (ctx: SkinContext) => Math.max(0, ...REGION_NAMES.map((name) => blownShare(ctx, [name])));

/** Bins of the light-trap histogram: 1/1024 of full scale, finer than an 8-bit level. */
const TRAP_BINS = 1024;

/**
 * The `p`th percentile (0..100) of luma over the face box at full resolution, from a histogram: the darkest 0.1% is a
 * few hundred pixels (pupils, nostrils, the lash line), too few for the every-4th-pixel sample below.
 */
function boxLowPercentile(luma: Plane, bbox: SkinContext["bbox"], p: number): number {
  const hist = arena.float64(TRAP_BINS);
  let n = 0;
  for (let y = bbox.y0; y <= bbox.y1; y++) {
    histogramRow(luma.data, y * luma.width, bbox.x0, bbox.x1, hist);
    n += Math.max(0, bbox.x1 - bbox.x0 + 1);
  }
  const want = (p / 100) * n;
  let acc = 0;
  for (let bin = 0; bin < TRAP_BINS; bin++) {
    acc += hist[bin] ?? 0;
    if (acc > want) return bin / TRAP_BINS;
  }
  return 1;
}

/*
 * Row functions: measurePhotometry runs once an analysis, and its own loops ran through on-stack-replacement code
 * that deoptimised every analysis (masked-blur.ts contrastRow).
 */

/** Counts luma values of pixels row + x0 … row + x1 into the light-trap histogram. */
function histogramRow(luma: Float32Array, row: number, x0: number, x1: number, hist: Float64Array): void {
  for (let x = x0; x <= x1; x++) {
    const v = luma[row + x] ?? 0;
    const bin = Math.min(TRAP_BINS - 1, Math.max(0, Math.floor(v * TRAP_BINS)));
    hist[bin] = (hist[bin] as number) + 1;
  }
}

/** acc[0] += luma, acc[1] += 1 over labelled pixels from..to − 1, in order. */
function labelledSumRow(labels: Uint8Array, luma: Float32Array, from: number, to: number, acc: Float64Array): void {
  let sum = acc[0] as number;
  let n = acc[1] as number;
  for (let i = from; i < to; i++) {
    if (!labels[i]) continue;
    sum += luma[i] ?? 0;
    n++;
  }
  acc[0] = sum;
  acc[1] = n;
}

/** Exposure, clipping, black level, highlights, focus and left/right balance of the face, for the gate. */
export function measurePhotometry(ctx: SkinContext) {
  const luma = lumaPlane(ctx.image);
  // [sum, n] of luma over the regions, added a row at a time in pixel order.
  const acc = Float64Array.of(0, 0);
  for (let y = 0; y < ctx.height; y++) labelledSumRow(ctx.labels, luma.data, y * ctx.width, (y + 1) * ctx.width, acc);
  const [sum = 0, n = 0] = acc;
  // Sharpness over the whole face box (eyes, brows and lip edges carry most of the focus signal), at 256 px face width.
  const small = downsample(luma, 2);
  const mask = new Uint8Array(small.width * small.height);
  const { x0, y0, x1, y1 } = ctx.bbox;
  // fill(), not a loop of its own: measurePhotometry runs once an analysis (see masked-blur.ts contrastRow).
  const mx0 = Math.floor(x0 / 2);
  const mx1 = Math.min(Math.floor(x1 / 2) + 1, small.width);
  for (let y = Math.floor(y0 / 2); y <= Math.floor(y1 / 2) && y < small.height; y++) {
    // Clamped at 0 as the loop's writes were (fill() counts a negative index from the end).
    const from = Math.max(0, y * small.width + mx0);
    const to = y * small.width + mx1;
    if (from < to) mask.fill(1, from, to);
  }
  // Every 4th pixel each way: ~10k samples fix the 98th percentile well enough. Three selections, not a sort.
  const boxLuma = new Float64Array(Math.ceil((y1 - y0 + 1) / 4) * Math.ceil((x1 - x0 + 1) / 4));
  for (let y = y0, k = 0; y <= y1; y += 4)
    for (let x = x0; x <= x1; x += 4) boxLuma[k++] = luma.data[y * ctx.width + x] ?? 0;
  const noise = noiseLevels(luma, ctx.bbox);
  const terminator = measureTerminator(ctx);
  return {
    exposure: n > 0 ? sum / n : 0,
    clippedFraction: blownShare(ctx, REGION_NAMES),
    regionBlown: mostBlownRegion(ctx),
    highlight: selectedPercentile(boxLuma, 98),
    blackLevel: selectedPercentile(boxLuma, 1),
    lightTraps: boxLowPercentile(luma, ctx.bbox, 0.1),
    peak: selectedPercentile(boxLuma, 99.5),
    sharpness: normalisedLaplacianVariance(small, mask),
    blurMm: noise > GATE.noisyLevels ? denoisedEdgeBlurMm(luma, ctx.bbox) : edgeBlurMm(luma, ctx.bbox),
    noiseLevels: noise,
    cheekLightRatio: measureCheekLight(ctx, regionLabel("leftCheek"), regionLabel("rightCheek")),
    terminatorRatio: terminator.ratio,
    longEdgeRatio: terminator.longRatio,
  };
}
