import { blownSkin } from "./blown-skin";
import { toLab, type LabPlanes } from "./color";
import type { RgbImage } from "./decode";
import type { FaceCrop } from "./face-crop";
import { facialHairMask, hairZones } from "./facial-hair";
import {
  detectionOval,
  FEATURE_CUTOUTS,
  fillCapsule,
  fillDetectionZones,
  fillPolygon,
  FOLD_LINES,
  grownPolygon,
  polygonRowRange,
  regionPolygon,
  safeOval,
} from "./mesh-regions";
import { robustMedian, robustStats } from "./planes";
import { arena } from "./scratch-arena";
import { REGION_NAMES, type RegionName } from "../domain/skin-report";

type Pt = [number, number];

export type RegionStats = { n: number; L: number; a: number; b: number; ei: number };

export type SkinContext = {
  crop: FaceCrop;
  /** The part of the crop the metrics look at: the regions' bounding box plus room for the blurs. */
  image: RgbImage;
  /** Window position in crop pixels. */
  origin: { x: number; y: number };
  /** Mesh in window pixels. */
  mesh: Pt[];
  width: number;
  height: number;
  lab: LabPlanes;
  /** 0 = not skin we measure; otherwise 1 + index into REGION_NAMES. */
  labels: Uint8Array;
  /** labels > 0 and not an outlier (hair, glasses, deep shadow). */
  skin: Uint8Array;
  /**
   * Where breakouts and spots are looked for: the whole face inside its outline, less eyes, brows, lips
   * and nostrils, less hair fringe, brows, beard and frames (far darker than the skin).
   */
  faceSkin: Uint8Array;
  /**
   * Blown skin and its rims (blown-skin.ts) in the regions and the face: no colour or texture left, so it is dropped
   * from `skin`, `faceSkin` and the region stats, and a region it covers reads as having less measurable skin. Shine
   * reads it back.
   */
  blown: Uint8Array;
  /** Beard, stubble and moustache on the lower face: dropped from `skin` and `faceSkin`. */
  hair: Uint8Array;
  /** Nasolabial and marionette folds: skin, but shading, not pigment. */
  folds: Uint8Array;
  /** Bounding box of all regions, window pixels. */
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** Median skin L*, a*, b*. */
  median: { L: number; a: number; b: number };
  /** Mean L*, a*, b*, EI per region over skin pixels. */
  stats: Partial<Record<RegionName, RegionStats>>;
  /** Pixels inside each region's outline, skin or not: the denominator of its skin coverage. */
  areas: Partial<Record<RegionName, number>>;
  /** Blown pixels inside each region's outline (blown-skin.ts `centres`, the rims not counted): the gate's count. */
  blownAreas: Partial<Record<RegionName, number>>;
};

export function regionLabel(name: RegionName): number {
  return REGION_NAMES.indexOf(name) + 1;
}

/**
 * Hair strands and glasses frames inside a region sit far below the skin's lightness; a dark
 * lesion or spot is 3–15 L* below its surround (measured on planted spots), hair 30+.
 */
const OUTLIER_DARK_L = 28;
/** Room around the regions for the background blurs (≈ 2σ of the widest one). */
const PAD = 24;

/** Clears `out` where `keep` is 0, pixels from..to − 1 (a row function: see unionRow). */
function maskRow(out: Uint8Array, keep: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) if (!keep[i]) out[i] = 0;
}

/** Row y of labelCrop: labels outside the oval cleared, and box (x0, y0, x1, y1) grown to what is labelled or face. */
function ovalRow(
  labels: Uint8Array,
  face: Uint8Array,
  oval: Uint8Array,
  y: number,
  width: number,
  box: Int32Array,
): void {
  let x0 = box[0] as number;
  let x1 = box[2] as number;
  let any = false;
  for (let x = 0, i = y * width; x < width; x++, i++) {
    if (!oval[i]) labels[i] = 0;
    if (!labels[i] && !face[i]) continue;
    any = true;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
  }
  box[0] = x0;
  box[2] = x1;
  if (any) {
    if (y < (box[1] as number)) box[1] = y;
    if (y > (box[3] as number)) box[3] = y;
  }
}

/** The rows fillPolygon covers for any of `polygons` (first, last; empty when first > last). */
function polygonRows(polygons: readonly (readonly Pt[])[], height: number): [number, number] {
  let from = height;
  let to = -1;
  for (const poly of polygons) {
    const [lo, hi] = polygonRowRange(poly, height);
    if (!(lo <= hi)) continue; // also a NaN bound: fillPolygon fills nothing
    from = Math.min(from, lo);
    to = Math.max(to, hi);
  }
  return [from, to];
}

function labelCrop(crop: FaceCrop): {
  labels: Uint8Array;
  face: Uint8Array;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
} {
  const { width, height } = crop.image;
  const labels = arena.uint8(width * height);
  const regions = REGION_NAMES.map((name) => regionPolygon(crop.mesh, name));
  regions.forEach((polygon, k) =>
    fillPolygon(labels, width, height, polygon, regionLabel(REGION_NAMES[k] as RegionName)),
  );
  const oval = arena.uint8(width * height);
  fillPolygon(oval, width, height, safeOval(crop.mesh));
  const zones = arena.uint8(width * height);
  fillDetectionZones(zones, width, height, crop.mesh);
  const face = arena.uint8(width * height);
  const faceOval = detectionOval(crop.mesh);
  fillPolygon(face, width, height, faceOval);
  // Labels and face are 0 on the rows no region or the detection oval reaches, where masking and ovalRow change
  // nothing: their loops skip them (the crop's margins above and below the face).
  const [from, to] = polygonRows([...regions, faceOval], height);
  for (let y = from; y <= to; y++) maskRow(face, zones, y * width, (y + 1) * width);
  for (const { ring, grow } of FEATURE_CUTOUTS)
    fillPolygon(face, width, height, grownPolygon(crop.mesh, ring, grow), 0);
  // x0, y0, x1, y1 of what is labelled or face, as ovalRow widens it.
  const box = Int32Array.of(width, height, 0, 0);
  for (let y = from; y <= to; y++) ovalRow(labels, face, oval, y, width, box);
  const [x0 = width, y0 = height, x1 = 0, y1 = 0] = box;
  return { labels, face, x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

function sliceRgb(img: RgbImage, x: number, y: number, w: number, h: number): RgbImage {
  const data = arena.uint8(w * h * 3);
  for (let r = 0; r < h; r++)
    data.set(img.data.subarray(3 * ((y + r) * img.width + x), 3 * ((y + r) * img.width + x + w)), 3 * r * w);
  return { data, width: w, height: h };
}

/*
 * The per-pixel loops of buildSkinContext, a row (pixels from..to − 1) per call: the function runs once an analysis,
 * and its own loops ran through on-stack-replacement code that deoptimised every analysis (masked-blur.ts contrastRow).
 */

function unionRow(labels: Uint8Array, faceSkin: Uint8Array, out: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = labels[i] || faceSkin[i] ? 1 : 0;
}

function splitRow(
  labels: Uint8Array,
  faceSkin: Uint8Array,
  inRegion: Uint8Array,
  cheeks: Uint8Array,
  lowerFace: Uint8Array,
  leftCheek: number,
  rightCheek: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const label = labels[i] as number;
    inRegion[i] = label ? 1 : 0;
    cheeks[i] = label === leftCheek || label === rightCheek ? 1 : 0;
    lowerFace[i] = label || faceSkin[i] ? 1 : 0;
  }
}

function dropRow(
  faceSkin: Uint8Array,
  L: Float32Array,
  darkBelow: number,
  hair: Uint8Array,
  blown: Uint8Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++)
    if (faceSkin[i] && ((L[i] as number) <= darkBelow || hair[i] || blown[i])) faceSkin[i] = 0;
}

type RegionSums = Record<"area" | "blownArea" | "count" | "sumL" | "sumA" | "sumB" | "sumEi", Float64Array>;
type StatsMasks = Record<"labels" | "blownCentres" | "hair" | "blown" | "skin", Uint8Array>;

function statsRow(
  m: StatsMasks,
  s: RegionSums,
  L: Float32Array,
  a: Float32Array,
  b: Float32Array,
  ei: Float32Array,
  darkBelow: number,
  from: number,
  to: number,
): void {
  const { labels, blownCentres, hair, blown, skin } = m;
  const { area, blownArea, count, sumL, sumA, sumB, sumEi } = s;
  for (let i = from; i < to; i++) {
    const label = labels[i] as number;
    if (!label) continue;
    area[label] = (area[label] as number) + 1;
    blownArea[label] = (blownArea[label] as number) + (blownCentres[i] as number);
    const l = L[i] as number;
    if (l <= darkBelow || hair[i] || blown[i]) continue;
    skin[i] = 1;
    count[label] = (count[label] as number) + 1;
    sumL[label] = (sumL[label] as number) + l;
    sumA[label] = (sumA[label] as number) + (a[i] as number);
    sumB[label] = (sumB[label] as number) + (b[i] as number);
    sumEi[label] = (sumEi[label] as number) + (ei[i] as number);
  }
}

export function buildSkinContext(crop: FaceCrop): SkinContext {
  const full = labelCrop(crop);
  const ox = Math.max(0, full.x0 - PAD);
  const oy = Math.max(0, full.y0 - PAD);
  const width = Math.min(crop.image.width, full.x1 + PAD + 1) - ox;
  const height = Math.min(crop.image.height, full.y1 + PAD + 1) - oy;
  const image = sliceRgb(crop.image, ox, oy, width, height);
  const labels = arena.uint8(width * height);
  const faceSkin = arena.uint8(width * height);
  for (let r = 0; r < height; r++) {
    const from = (oy + r) * crop.image.width + ox;
    labels.set(full.labels.subarray(from, from + width), r * width);
    faceSkin.set(full.face.subarray(from, from + width), r * width);
  }
  const mesh: Pt[] = crop.mesh.map(([x, y]) => [x - ox, y - oy]);
  const lab = toLab(image);
  const faceOrRegion = arena.uint8(width * height);
  for (let y = 0; y < height; y++) unionRow(labels, faceSkin, faceOrRegion, y * width, (y + 1) * width);
  const { centres: blownCentres, leftOut: blown } = blownSkin(image, faceOrRegion);

  const folds = arena.uint8(width * height);
  // Fold masks ≈ 3.5% of the face width each side of the crease line (measured: fold shadows are 10–20 px wide at 512 px).
  const foldRadius = crop.image.width * 0.035;
  for (const [i, j] of FOLD_LINES) {
    const a = mesh[i];
    const b = mesh[j];
    if (a && b) fillCapsule(folds, width, height, a, b, foldRadius);
  }

  const inRegion = arena.uint8(width * height);
  const cheeks = arena.uint8(width * height);
  const lowerFace = arena.uint8(width * height);
  const leftCheek = regionLabel("leftCheek");
  const rightCheek = regionLabel("rightCheek");
  for (let y = 0; y < height; y++)
    splitRow(labels, faceSkin, inRegion, cheeks, lowerFace, leftCheek, rightCheek, y * width, (y + 1) * width);
  const hair = facialHairMask(lab, hairZones(mesh, cheeks, lowerFace, width));
  const L = lab.L.data;
  const Ls = robustStats(L, inRegion);
  const darkBelow = Ls.median - OUTLIER_DARK_L;
  for (let y = 0; y < height; y++) dropRow(faceSkin, L, darkBelow, hair, blown, y * width, (y + 1) * width);
  const skin = arena.uint8(width * height);
  // Per-label running sums in typed arrays, indexed by label: per-pixel updates of keyed objects were
  // most of this function's time (measured with --cpu-prof). Same additions in the same order.
  const regions = REGION_NAMES.length + 1;
  const area = new Float64Array(regions);
  const blownArea = new Float64Array(regions);
  const count = new Float64Array(regions);
  const sumL = new Float64Array(regions);
  const sumA = new Float64Array(regions);
  const sumB = new Float64Array(regions);
  const sumEi = new Float64Array(regions);
  const a = lab.a.data;
  const b = lab.b.data;
  const ei = lab.ei.data;
  const sums: RegionSums = { area, blownArea, count, sumL, sumA, sumB, sumEi };
  const masks: StatsMasks = { labels, blownCentres, hair, blown, skin };
  for (let y = 0; y < height; y++) statsRow(masks, sums, L, a, b, ei, darkBelow, y * width, (y + 1) * width);
  const stats: Partial<Record<RegionName, RegionStats>> = {};
  const areas: Partial<Record<RegionName, number>> = {};
  const blownAreas: Partial<Record<RegionName, number>> = {};
  REGION_NAMES.forEach((name, k) => {
    const label = k + 1;
    const n = count[label] ?? 0;
    if ((area[label] ?? 0) > 0) areas[name] = area[label];
    if ((blownArea[label] ?? 0) > 0) blownAreas[name] = blownArea[label];
    if (n > 0)
      stats[name] = {
        n,
        L: (sumL[label] ?? 0) / n,
        a: (sumA[label] ?? 0) / n,
        b: (sumB[label] ?? 0) / n,
        ei: (sumEi[label] ?? 0) / n,
      };
  });
  return {
    crop,
    image,
    origin: { x: ox, y: oy },
    mesh,
    width,
    height,
    lab,
    labels,
    skin,
    faceSkin,
    blown,
    hair,
    folds,
    bbox: { x0: full.x0 - ox, y0: full.y0 - oy, x1: full.x1 - ox, y1: full.y1 - oy },
    median: { L: Ls.median, a: robustMedian(lab.a.data, inRegion), b: robustMedian(lab.b.data, inRegion) },
    stats,
    areas,
    blownAreas,
  };
}

/** Pixel-weighted mean of one statistic over several regions (0 when none has skin). */
export function meanOver(ctx: SkinContext, key: Exclude<keyof RegionStats, "n">, names: readonly RegionName[]): number {
  return weightedMean(ctx.stats, key, names);
}

/** Pixel-weighted mean of one per-region statistic, each region weighted by its `n` (0 when none has any). */
export function weightedMean<K extends string>(
  stats: Partial<Record<RegionName, { n: number } & Record<K, number>>>,
  key: K,
  names: readonly RegionName[],
): number {
  let acc = 0;
  let n = 0;
  for (const name of names) {
    const s = stats[name];
    if (!s) continue;
    acc += s[key] * s.n;
    n += s.n;
  }
  return n > 0 ? acc / n : 0;
}

/**
 * Share of the named regions' skin that is blown (blown-skin.ts): clipped in a patch clipped throughout, so no
 * colour, pore or line shows in it.
 */
export function blownShare(ctx: Pick<SkinContext, "areas" | "blownAreas">, names: readonly RegionName[]): number {
  let area = 0;
  let blown = 0;
  for (const name of names) {
    area += ctx.areas[name] ?? 0;
    blown += ctx.blownAreas[name] ?? 0;
  }
  return area > 0 ? blown / area : 0;
}
