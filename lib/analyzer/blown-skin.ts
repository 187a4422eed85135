import type { RgbImage } from "./decode";
import { arena } from "./scratch-arena";
import { markSolidPatches } from "./solid-patches";

/**
 * Half-width (work pixels, at 512 px face width ≈ 3.8 px/mm) of the patch around a clipped pixel that must be clipped
 * too for its skin to count as blown: 5 × 5 px ≈ 1.3 mm, a few pores across.
 */
const FLAT_PATCH_RADIUS = 2;

/**
 * An 8-bit channel at or above this is at the sensor's or the encoder's ceiling: it says "at least this bright", not
 * how bright. 250 and not 255: a JPEG's rounding and ringing leave clipped skin at 250–255.
 */
export const CLIPPED_CHANNEL = 250;

/**
 * A pixel whose detail is gone: luma in OFIQ's 247–255, or two channels at 250+ (one channel alone, red under warm
 * light, still carries the other two's texture; not their colour ratio: redness-skin.ts). Into `mask`; returns the
 * first and last rows holding a clipped pixel ([height, −1] when none does).
 */
function clippedMask(image: RgbImage, mask: Uint8Array): [number, number] {
  let first = image.height;
  let last = -1;
  for (let y = 0; y < image.height; y++) {
    if (!clippedRow(image.data, mask, y * image.width, (y + 1) * image.width)) continue;
    if (first > y) first = y;
    last = y;
  }
  return [first, last];
}

/*
 * Row functions: these stages run once an analysis, and their own loops ran through on-stack-replacement code that
 * deoptimised every analysis (masked-blur.ts contrastRow).
 */

/** Pixels from..to − 1 of clippedMask; whether any of them is clipped. */
function clippedRow(px: Uint8Array, mask: Uint8Array, from: number, to: number): boolean {
  let any = false;
  for (let i = from; i < to; i++) {
    const r = px[3 * i] ?? 0;
    const g = px[3 * i + 1] ?? 0;
    const b = px[3 * i + 2] ?? 0;
    const saturated = (r >= CLIPPED_CHANNEL ? 1 : 0) + (g >= CLIPPED_CHANNEL ? 1 : 0) + (b >= CLIPPED_CHANNEL ? 1 : 0);
    const clipped = 0.2126 * r + 0.7152 * g + 0.0722 * b >= 247 || saturated >= 2;
    mask[i] = clipped ? 1 : 0;
    any ||= clipped;
  }
  return any;
}

function outsideRow(within: Uint8Array, leftOut: Uint8Array, solid: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (within[i]) continue;
    leftOut[i] = 0;
    solid[i] = 0;
  }
}

/**
 * Blown skin under `within`. `centres`: clipped pixels whose patch (FLAT_PATCH_RADIUS) is clipped throughout, so no
 * pore, line or colour shows there: what the gate and the scores count as blown. `leftOut`: those patches and their
 * rims (RIM_RADIUS), which carry nothing to measure: the skin context leaves them out of every measure but shine (a
 * blown highlight on the T-zone is shine). A bright light face clips its highlights pixel by pixel between textured
 * skin; a blow-out clips the skin in sheets.
 */
export function blownSkin(image: RgbImage, within: Uint8Array): { centres: Uint8Array; leftOut: Uint8Array } {
  const { width, height } = image;
  const clipped = arena.uint8(within.length);
  const solid = arena.uint8(within.length);
  const leftOut = arena.uint8(within.length);
  // Most photos clip a few highlight rows or none: the patches are looked for, and grown, only in the band of rows
  // that can hold them. A band k rows beyond the clipped rows cuts a patch where the whole window does (those rows
  // are unclipped, or the window's edge), and one RIM_RADIUS rows beyond the centres' rows holds all they grow into;
  // the counts are integers, so the bands give the whole window's answer.
  const [first, last] = clippedMask(image, clipped);
  if (last < first) return { centres: solid, leftOut };
  const [p0, p1] = [Math.max(0, first - FLAT_PATCH_RADIUS), Math.min(height - 1, last + FLAT_PATCH_RADIUS)];
  const patchBand = clipped.subarray(p0 * width, (p1 + 1) * width);
  markSolidPatches(patchBand, patchBand, width, p1 - p0 + 1, FLAT_PATCH_RADIUS, solid.subarray(p0 * width));
  const [g0, g1] = [Math.max(0, first - RIM_RADIUS), Math.min(height - 1, last + RIM_RADIUS)];
  leftOut.set(grow(solid.subarray(g0 * width, (g1 + 1) * width), width, g1 - g0 + 1, RIM_RADIUS), g0 * width);
  for (let y = g0; y <= g1; y++) outsideRow(within, leftOut, solid, y * width, (y + 1) * width);
  return { centres: solid, leftOut };
}

/**
 * How far around a clipped patch's centre the skin is left out (work px): the patch itself (FLAT_PATCH_RADIUS) and a
 * rim as wide, where skin grades into the white and the JPEG's halved colour resolution smears the white into its
 * neighbours: pale, brighter pixels that are not clipped but carry the white's colour, not the skin's.
 */
const RIM_RADIUS = 2 * FLAT_PATCH_RADIUS;

/**
 * `mask` grown by a (2r + 1)² square: a row pass, then a column pass, each by running counts. The column pass keeps
 * one count per column and walks the rows in order (the same counts as walking each column, without striding).
 */
export function grow(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = arena.uint8(mask.length);
  for (let y = 0; y < height; y++) growRow(mask, rows, y * width, width, r);
  const out = arena.uint8(mask.length);
  const counts = new Int32Array(width);
  for (let y = 0; y < Math.min(r, height); y++) addRow(counts, rows, y * width, width, 1);
  for (let y = 0; y < height; y++) {
    if (y + r < height) addRow(counts, rows, (y + r) * width, width, 1);
    if (y - r - 1 >= 0) addRow(counts, rows, (y - r - 1) * width, width, -1);
    anyRow(counts, out, y * width, width);
  }
  return out;
}

function anyRow(counts: Int32Array, out: Uint8Array, row: number, width: number): void {
  for (let x = 0; x < width; x++) out[row + x] = (counts[x] as number) > 0 ? 1 : 0;
}

function growRow(mask: Uint8Array, rows: Uint8Array, row: number, width: number, r: number): void {
  let count = 0;
  for (let x = 0; x < Math.min(r, width); x++) count += mask[row + x] ?? 0;
  for (let x = 0; x < width; x++) {
    if (x + r < width) count += mask[row + x + r] ?? 0;
    if (x - r - 1 >= 0) count -= mask[row + x - r - 1] ?? 0;
    rows[row + x] = count > 0 ? 1 : 0;
  }
}

/** counts[x] += sign · rows[row + x]. */
function addRow(counts: Int32Array, rows: Uint8Array, row: number, width: number, sign: number): void {
  for (let x = 0; x < width; x++) counts[x] = (counts[x] as number) + sign * (rows[row + x] as number);
}
