import type { LabPlanes } from "./color";
import { boxBlur, gaussianBlur, makePlane, type Plane } from "./planes";

type Pt = [number, number];

/**
 * Beard, stubble and moustache on the lower face, so that redness, breakouts, spots and pores are measured on
 * skin and not on hair. Hair differs from the skin above it (the upper cheeks, where a beard rarely grows) in
 * texture first: strands and stubble dots make fine-scale lightness variation several times the skin's. It also
 * differs in colour: darker (or, grey, lighter) and less red, since hair carries no blood. A pixel is hair where
 * both hold around it, and a region is hair where most of its pixels are: a breakout or spot is one small blob
 * in smooth skin and does not make a region.
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

/** A typed array's numeric sort, not a comparator's: the same order, several times faster on ~50k pixels. */
function median(values: Float64Array): number {
  values.sort();
  return values[Math.floor(values.length / 2)] ?? 0;
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
  const reference = new Uint8Array(cheeks.length);
  const candidates = new Uint8Array(cheeks.length);
  const height = cheeks.length / width;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      if (cheeks[i] && y < fromY) reference[i] = 1;
      if (face[i] && y >= fromY) candidates[i] = 1;
    }
  }
  return { fromY, reference, candidates };
}

function textureOf(L: Plane): Plane {
  const blurred = gaussianBlur(L, TEXTURE_SIGMA);
  const energy = makePlane(L.width, L.height);
  for (let i = 0; i < energy.data.length; i++) energy.data[i] = ((L.data[i] ?? 0) - (blurred.data[i] ?? 0)) ** 2;
  const local = boxBlur(energy, TEXTURE_RADIUS);
  for (let i = 0; i < local.data.length; i++) local.data[i] = Math.sqrt(local.data[i] ?? 0);
  return local;
}

/** 1 where the lower face is hair. Empty when the reference skin is too small to judge by. */
export function facialHairMask(lab: LabPlanes, zones: HairZones): Uint8Array {
  const { width, height } = lab.L;
  const hair = new Uint8Array(width * height);
  let refCount = 0;
  for (let i = 0; i < zones.reference.length; i++) if (zones.reference[i]) refCount++;
  if (refCount < 200) return hair;
  // Only now: a face without enough reference skin is left unjudged, and its planes need not be blurred.
  const texture = textureOf(lab.L);
  const refTex = new Float64Array(refCount);
  const refL = new Float64Array(refCount);
  const refA = new Float64Array(refCount);
  for (let i = 0, k = 0; i < zones.reference.length; i++) {
    if (!zones.reference[i]) continue;
    refTex[k] = texture.data[i] ?? 0;
    refL[k] = lab.L.data[i] ?? 0;
    refA[k++] = lab.a.data[i] ?? 0;
  }
  const tex0 = Math.max(median(refTex), 0.2);
  const L0 = median(refL);
  const a0 = median(refA);
  // Colour is judged on the local mean, not the pixel: a strand is thinner than a pixel, a beard is not.
  const meanL = boxBlur(lab.L, TEXTURE_RADIUS);
  const meanA = boxBlur(lab.a, TEXTURE_RADIUS);
  const vote = makePlane(width, height);
  for (let i = 0; i < hair.length; i++) {
    if (!zones.candidates[i]) continue;
    const ratio = (texture.data[i] ?? 0) / tex0;
    const dL = Math.abs((meanL.data[i] ?? 0) - L0);
    const lessRed = a0 - (meanA.data[i] ?? 0);
    const coloured = dL >= HAIR_DL || lessRed >= HAIR_DA;
    if (ratio >= TEXTURE_RATIO_ALONE || (ratio >= TEXTURE_RATIO && coloured)) vote.data[i] = 1;
  }
  const share = boxBlur(vote, REGION_RADIUS);
  const region = makePlane(width, height);
  for (let i = 0; i < hair.length; i++) region.data[i] = (share.data[i] ?? 0) > 0.5 ? 1 : 0;
  const grown = boxBlur(region, GROW_RADIUS);
  let lower = 0;
  let marked = 0;
  for (let i = 0; i < hair.length; i++) {
    if (!zones.candidates[i]) continue;
    lower++;
    if ((grown.data[i] ?? 0) > 0) {
      hair[i] = 1;
      marked++;
    }
  }
  if (marked < BEARD_SHARE * lower) hair.fill(0);
  return hair;
}
