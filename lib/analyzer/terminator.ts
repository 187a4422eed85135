import { FACE_WIDTH_MM } from "./face-crop";
import { FEATURE_CUTOUTS, fillPolygon, grownPolygon, safeOval } from "./mesh-regions";
import { growSpans, spansOf } from "./row-spans";
import { arena } from "./scratch-arena";
import type { SkinContext } from "./skin-context";
import { boxBlurInSpans } from "./span-sweep";

/**
 * How hard the edge of the darkest shading across the face is: a hard shadow (a bare lamp or the sun to one side,
 * the nose's shadow thrown over the cheek) drops the light by its whole ratio within a few mm, while a studio key
 * light, even at 4:1, falls off smoothly across the whole face (the face curves away from it). Read on log
 * luminance, so the step is a light ratio and does not depend on skin tone or exposure, and in mm, so it does not
 * depend on the photo's size.
 */

/** Log luminance is smoothed over ≈ 1 mm first: pores, stubble and noise are not shading. */
const SMOOTH_MM = 1;
/** The two sides of a candidate terminator: 6 mm of skin each, 2 mm either side of the edge (a hard penumbra is ≤ 4 mm). */
const GAP_MM = 2;
const WINDOW_MM = 6;
/** Candidate edges up to 30 mm either side of the nose line, every 1.5 mm: where a nose or side shadow falls. */
const SEARCH_MM = 30;
const STEP_MM = 1.5;
/** A window counts in a row when at least this share of it is measured skin. */
const MIN_COVER = 0.5;
/** Rows (each about 0.26 mm at the analyzer's scale) needed before a median step means anything. */
const MIN_ROWS = 40;

/**
 * A shadow that hides half the face runs its whole length, forehead to jaw; the nose's own shadow under a loop or
 * Rembrandt key light, a strand of hair or a nostril steps over a shorter stretch. So the gate also reads the step
 * that at least this share of the rows reach.
 */
const LONG_SHARE = 0.7;

export type Terminator = {
  /** Median over rows of the step across the sharpest edge: the light ratio across it (≥ 1). */
  ratio: number;
  /** The step at least LONG_SHARE of the rows reach, over the best edge for it (≥ 1). */
  longRatio: number;
};
const FLAT: Terminator = { ratio: 1, longRatio: 1 };

const clampTo = (v: number, w: number) => Math.max(0, Math.min(w, v));

/**
 * Running sums of the masked smoothed values and of the mask along one row (a row function: the stage runs once an
 * analysis, and its own loop ran through on-stack-replacement code that deoptimised every analysis; see
 * masked-blur.ts contrastRow).
 */
function prefixRow(
  face: Uint8Array,
  sm: Float32Array,
  row: number,
  w: number,
  sum: Float64Array,
  cnt: Int32Array,
): void {
  for (let x = 0; x < w; x++) {
    const m = face[row + x] as number;
    sum[x + 1] = (sum[x] as number) + m * (sm[row + x] as number);
    cnt[x + 1] = (cnt[x] as number) + m;
  }
}

/**
 * The light ratio across the sharpest straight-ish shading edge near the nose line (≥ 1): for each candidate offset
 * from the nose line (mesh 168 → 152), the median over rows of the log-luminance step between the 6 mm of skin each
 * side of it. A median over rows from the brows to the chin: the sides of the nose or a nostril step for a few rows,
 * a cast shadow's edge runs the face's length.
 */
export function measureTerminator(ctx: SkinContext): Terminator {
  const { width: w, height: h, mesh } = ctx;
  const top = mesh[168];
  const chin = mesh[152];
  const left = mesh[234];
  const right = mesh[454];
  if (!top || !chin || !left || !right) return FLAT;
  // The face inside its outline less eyes, brows and lips, shadow included: the regions alone leave gaps either
  // side of the nose, just where a nose or side shadow's edge runs.
  const face = arena.uint8(w * h);
  fillPolygon(face, w, h, safeOval(mesh));
  for (const { ring, grow } of FEATURE_CUTOUTS) fillPolygon(face, w, h, grownPolygon(mesh, ring, grow), 0);
  const pxPerMm = Math.hypot(right[0] - left[0], right[1] - left[1]) / FACE_WIDTH_MM;
  const gap = Math.max(1, Math.round(GAP_MM * pxPerMm));
  const win = Math.max(2, Math.round(WINDOW_MM * pxPerMm));
  const offsetList: number[] = [];
  for (let mm = -SEARCH_MM; mm <= SEARCH_MM + 1e-9; mm += STEP_MM) offsetList.push(Math.round(mm * pxPerMm));
  const offsets = Int32Array.from(offsetList);
  const dy = chin[1] - top[1];
  if (dy <= 0) return FLAT;
  const y0 = Math.max(0, Math.round(top[1] - 0.5 * dy));
  const y1 = Math.min(h - 1, Math.round(chin[1]));
  // Only the face pixels of the rows read (the steps weigh the rest by 0), the first pass a pixel beyond them for the
  // second; that one in place, on this function's own zeroed plane. Exact blur sums (span-sweep.ts): the same values
  // there as whole-plane blurs.
  const read = spansOf(face, w, h, y0, y1);
  const smooth = boxBlurInSpans(
    ctx.lab.logY,
    Math.max(1, Math.round(SMOOTH_MM * pxPerMm)),
    arena.float32(w * h),
    growSpans(read, w, h, 1),
  );
  boxBlurInSpans(smooth, 1, smooth.data, read);
  // Each offset's steps, one row of `rows` slots apiece in one typed array: no per-row closures, boxed means or
  // growing arrays (≈ 6 MB of garbage a photo as written before, measured with the sampling heap profiler).
  const rows = Math.max(0, y1 - y0 + 1);
  const steps = new Float64Array(offsets.length * rows);
  const counts = new Int32Array(offsets.length);
  const sum = new Float64Array(w + 1);
  const cnt = new Int32Array(w + 1);
  const sm = smooth.data;
  const minCover = MIN_COVER * win;
  for (let y = y0; y <= y1; y++) {
    prefixRow(face, sm, y * w, w, sum, cnt);
    const mid = top[0] + ((y - top[1]) * (chin[0] - top[0])) / dy;
    for (let k = 0; k < offsets.length; k++) {
      const x = Math.round(mid + (offsets[k] as number));
      // The mean over [a, b) clamped to the row, when at least MIN_COVER of the window is face (both windows are `win` wide).
      const la = clampTo(x - gap - win, w);
      const lb = clampTo(x - gap, w);
      const nl = (cnt[lb] as number) - (cnt[la] as number);
      if (!(nl >= minCover)) continue;
      const ra = clampTo(x + gap + 1, w);
      const rb = clampTo(x + gap + 1 + win, w);
      const nr = (cnt[rb] as number) - (cnt[ra] as number);
      if (!(nr >= minCover)) continue;
      const l = ((sum[lb] as number) - (sum[la] as number)) / nl;
      const r = ((sum[rb] as number) - (sum[ra] as number)) / nr;
      const c = counts[k] as number;
      steps[k * rows + c] = r - l;
      counts[k] = c + 1;
    }
  }
  let best = 0;
  let longest = 0;
  for (let k = 0; k < offsets.length; k++) {
    const c = counts[k] as number;
    if (c < MIN_ROWS) continue;
    // A numeric typed-array sort orders the steps as the (a, b) => a − b comparator did.
    const s = steps.subarray(k * rows, k * rows + c).sort();
    best = Math.max(best, Math.abs(s[Math.floor(c / 2)] as number));
    // The step that at least LONG_SHARE of the rows reach, on the same side.
    const low = s[Math.floor((1 - LONG_SHARE) * c)] as number;
    const high = s[Math.floor(LONG_SHARE * c)] as number;
    longest = Math.max(longest, low, -high);
  }
  return { ratio: Math.exp(best), longRatio: Math.exp(longest) };
}
