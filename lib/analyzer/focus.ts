import { sweepBoxPasses } from "./box-sweep";
import { FACE_WIDTH, FACE_WIDTH_MM } from "./face-crop";
import { hypot2 } from "./hypot";
import type { Plane } from "./planes";
import type { RowSpans } from "./row-spans";
import { arena } from "./scratch-arena";
import { selectNth } from "./select";
import { sweepBoxPassesInSpans } from "./span-sweep";

/**
 * The blur of the photo's edges in mm on the face, by re-blurring (Zhuo & Sim, "Defocus map estimation from a
 * single image", Pattern Recognition 2011): an edge blurred by σ keeps R = |∇I| / |∇(I ∗ g_r)| =
 * √(σ² + σ_r²) / σ when blurred again by a known σ_r, so σ = σ_r / √(R² − 1). It is read at the face's strongest
 * edges (lids, brows, lips, nostrils, hairline) and is a physical size, so it means the same on a soft photo of
 * a big face as on a sharp photo of a small one, unlike a ratio of Laplacian to signal variance.
 */

/** Three box passes of radius r make a Gaussian of σ = √(r(r + 1)): √6 ≈ 2.45 px (0.65 mm) for r = 2. */
const RE_BLUR_RADIUS = 2;
const RE_BLUR_SIGMA = Math.sqrt(RE_BLUR_RADIUS * (RE_BLUR_RADIUS + 1));
/**
 * The strongest 1% of gradients in the face box: edges, not skin texture or noise. Chosen on the dev split
 * (r 1–3, 1–10% of gradients): it separated good photos (≤ 0.70 mm) from a σ 4 px blur (≥ 0.86 mm) widest.
 */
const EDGE_SHARE = 0.01;

function gradient(p: Plane, x: number, y: number): number {
  const { width: w, data } = p;
  const i = y * w + x;
  const gx = (data[i + 1] as number) - (data[i - 1] as number);
  const gy = (data[i + w] as number) - (data[i - w] as number);
  return hypot2(gx, gy);
}

/**
 * gradient() over x0..x1 of row y into g from k on. A row function: edgeBlurMm runs once an analysis and its own
 * loop ran through on-stack-replacement code that deoptimised every analysis (masked-blur.ts contrastRow); and
 * hypot2 read once, not through the module's getter per pixel.
 */
function gradientRow(
  data: Float32Array,
  w: number,
  y: number,
  x0: number,
  x1: number,
  g: Float64Array,
  k: number,
): void {
  const hypot = hypot2;
  for (let x = x0, i = y * w + x0; x <= x1; x++, i++, k++) {
    const gx = (data[i + 1] as number) - (data[i - 1] as number);
    const gy = (data[i + w] as number) - (data[i - w] as number);
    g[k] = hypot(gx, gy);
  }
}

export type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * Pixel noise σ in 8-bit levels over the inner face box, by Immerkær's estimator ("Fast noise variance
 * estimation", CVIU 1996): the mean |Laplacian difference| of a 3×3 mask that cancels planes and ramps, times
 * √(π/2)/6. On the dev faces as taken it reads 0.16–0.58 levels (the JPEG has smoothed the sensor's noise); a dim
 * phone photo with σ 6 levels of noise reads 1.1–5.1 at the analyzer's face scale.
 */
export function noiseLevels(luma: Plane, box: Box): number {
  const { x0, y0, x1, y1 } = innerBox(luma, box);
  const { width: w, data } = luma;
  let sum = 0;
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    sum = laplacianSumRow(data, w, y, x0, x1, sum);
    n += Math.max(0, x1 - x0 + 1);
  }
  return n > 0 ? ((Math.sqrt(Math.PI / 2) * sum) / (6 * n)) * 255 : 0;
}

/** `sum` plus |Immerkær's Laplacian difference| over x0..x1 of row y, added in order (a row function: see gradientRow). */
function laplacianSumRow(data: Float32Array, w: number, y: number, x0: number, x1: number, sum: number): number {
  for (let x = x0, i = y * w + x0; x <= x1; x++, i++) {
    const above = (data[i - w - 1] as number) - 2 * (data[i - w] as number) + (data[i - w + 1] as number);
    const here = (data[i - 1] as number) - 2 * (data[i] as number) + (data[i + 1] as number);
    const below = (data[i + w - 1] as number) - 2 * (data[i + w] as number) + (data[i + w + 1] as number);
    sum += Math.abs(above - 2 * here + below);
  }
  return sum;
}

/** The inner 80% of the box, one pixel inside the plane: eyes, brows, nose and lips, not the face's outline. */
function innerBox(luma: Plane, box: Box): Box {
  const mx = 0.1 * (box.x1 - box.x0);
  const my = 0.1 * (box.y1 - box.y0);
  return {
    x0: Math.max(1, Math.round(box.x0 + mx)),
    y0: Math.max(1, Math.round(box.y0 + my)),
    x1: Math.min(luma.width - 2, Math.round(box.x1 - mx)),
    y1: Math.min(luma.height - 2, Math.round(box.y1 - my)),
  };
}

/**
 * Edge blur of a noisy photo: noise fills the strongest gradients with pixel-sized steps that read as sharp
 * (a σ 4 px blur under σ 6 levels of noise read 0.03–0.22 mm on all 22 dev faces), so the luma is first
 * smoothed by a Gaussian of σ √6 px and that σ is taken off in quadrature. The smoothing also over-reads a soft
 * face by up to ≈ 0.2 mm (the edges are not Gaussian), so the gate holds it to its own limit.
 */
export function denoisedEdgeBlurMm(luma: Plane, box: Box): number {
  const smooth = { data: arena.float32(luma.data.length), width: luma.width, height: luma.height };
  smooth.data.set(luma.data);
  sweepBoxPasses(smooth.data, smooth.width, smooth.height, RE_BLUR_RADIUS, 3, smooth.data);
  const measured = edgeBlurMm(smooth, box);
  const smoothingMm = (RE_BLUR_SIGMA * FACE_WIDTH_MM) / FACE_WIDTH;
  return Math.sqrt(Math.max(measured * measured - smoothingMm * smoothingMm, 0));
}

/** Edge blur σ in mm on the face, for a luma plane at the analyzer's face scale (FACE_WIDTH px across). */
export function edgeBlurMm(luma: Plane, box: Box): number {
  // The inner box: a soft background, or a re-toned face's feathered edge, is not the photo's focus.
  const { x0, y0, x1, y1 } = innerBox(luma, box);
  const cols = x1 - x0 + 1;
  const n = cols > 0 && y1 >= y0 ? cols * (y1 - y0 + 1) : 0;
  if (n < 100) return 0;
  const g = arena.float64(n);
  for (let y = y0, k = 0; y <= y1; y++, k += cols) gradientRow(luma.data, luma.width, y, x0, x1, g, k);
  // The cut by selection, not a sort of every gradient; the re-blurred gradient only where an edge is kept.
  // The same edges are chosen (ties at the cut in pixel order, as the stable sort of pairs kept them).
  const keep = Math.max(10, Math.round(EDGE_SHARE * n));
  const work = arena.float64(n);
  work.set(g);
  const cut = selectNth(work, n - keep);
  let above = 0;
  for (let k = 0; k < n; k++) if ((g[k] as number) > cut) above++;
  let tiesLeft = keep - above;
  // The edges kept, in pixel order, and the pixels their re-blurred gradient reads (each one's 4-neighbours).
  const kept = new Int32Array(keep);
  const near: RowSpans = { lo: new Int32Array(luma.height).fill(luma.width), hi: new Int32Array(luma.height) };
  let m = 0;
  for (let k = 0; k < n && m < keep; k++) {
    const v = g[k] as number;
    if (v < cut || (v === cut && tiesLeft-- <= 0)) continue;
    kept[m++] = k;
    const x = x0 + (k % cols);
    const y = y0 + Math.floor(k / cols);
    widen(near, y - 1, x, x + 1);
    widen(near, y, x - 1, x + 2);
    widen(near, y + 1, x, x + 1);
  }
  const again = { data: arena.float32(luma.data.length), width: luma.width, height: luma.height };
  sweepBoxPassesInSpans(luma.data, luma.width, luma.height, RE_BLUR_RADIUS, 3, again.data, near);
  const ratios = new Float64Array(keep);
  for (let j = 0; j < m; j++) {
    const k = kept[j] as number;
    const x = x0 + (k % cols);
    const y = y0 + Math.floor(k / cols);
    ratios[j] = (g[k] as number) / Math.max(gradient(again, x, y), 1e-6);
  }
  ratios.sort();
  const r = ratios[Math.floor(keep / 2)] ?? 1;
  const sigmaPx = RE_BLUR_SIGMA / Math.sqrt(Math.max(r * r - 1, 1e-4));
  return (sigmaPx * FACE_WIDTH_MM) / FACE_WIDTH;
}

/** Widens row y's span to hold columns a..b − 1. */
function widen(spans: RowSpans, y: number, a: number, b: number): void {
  if (a < (spans.lo[y] as number)) spans.lo[y] = a;
  if (b > (spans.hi[y] as number)) spans.hi[y] = b;
}
