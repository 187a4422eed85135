import { describe, expect, it } from "vitest";
import { FACE_WIDTH, FACE_WIDTH_MM } from "./face-crop";
import { denoisedEdgeBlurMm, edgeBlurMm, noiseLevels, type Box } from "./focus";
import { boxBlur, gaussianBlur, makePlane, type Plane } from "./planes";

/** The plain form of edgeBlurMm (sort every [gradient, re-blurred gradient] pair), kept as its reference. */
function referenceBlurMm(luma: Plane, box: Box): number {
  const again = boxBlur(boxBlur(boxBlur(luma, 2), 2), 2);
  const grad = (p: Plane, x: number, y: number) => {
    const i = y * p.width + x;
    const d = p.data;
    return Math.hypot(
      (d[i + 1] as number) - (d[i - 1] as number),
      (d[i + p.width] as number) - (d[i - p.width] as number),
    );
  };
  const mx = 0.1 * (box.x1 - box.x0);
  const my = 0.1 * (box.y1 - box.y0);
  const samples: Array<[number, number]> = [];
  for (let y = Math.max(1, Math.round(box.y0 + my)); y <= Math.min(luma.height - 2, Math.round(box.y1 - my)); y++)
    for (let x = Math.max(1, Math.round(box.x0 + mx)); x <= Math.min(luma.width - 2, Math.round(box.x1 - mx)); x++)
      samples.push([grad(luma, x, y), grad(again, x, y)]);
  if (samples.length < 100) return 0;
  samples.sort((a, b) => b[0] - a[0]);
  const edges = samples.slice(0, Math.max(10, Math.round(0.01 * samples.length)));
  const ratios = edges.map(([g, gr]) => g / Math.max(gr, 1e-6)).sort((a, b) => a - b);
  const r = ratios[Math.floor(ratios.length / 2)] ?? 1;
  return ((Math.sqrt(6) / Math.sqrt(Math.max(r * r - 1, 1e-4))) * FACE_WIDTH_MM) / FACE_WIDTH;
}

function randomScene(width: number, height: number, seed: number, levels: number): Plane {
  let s = seed;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const p = makePlane(width, height);
  // Random rectangles (hard edges) on a quantised background, so ties in gradient strength occur.
  for (let k = 0; k < 40; k++) {
    const x0 = Math.floor(rand() * width);
    const y0 = Math.floor(rand() * height);
    const v = Math.floor(rand() * levels) / levels;
    for (let y = y0; y < Math.min(height, y0 + 30); y++)
      for (let x = x0; x < Math.min(width, x0 + 40); x++) p.data[y * width + x] = v;
  }
  return p;
}

describe("edgeBlurMm", () => {
  const box = { x0: 20, y0: 10, x1: 300, y1: 250 };

  // The inner box leaves columns on both sides and rows below that edgeBlurMm does not re-blur.
  it.each([
    ["reaching the plane's edges", box],
    ["well inside the plane", { x0: 70, y0: 50, x1: 230, y1: 170 }],
  ])("equals the sort-every-pair, blur-everything reference, ties included, for a box %s", (_, b) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const levels of [4, 256]) {
        const scene = randomScene(320, 260, seed, levels);
        expect(edgeBlurMm(scene, b)).toBe(referenceBlurMm(scene, b));
        const soft = gaussianBlur(scene, 1 + seed / 2);
        expect(edgeBlurMm(soft, b)).toBe(referenceBlurMm(soft, b));
      }
    }
  });

  it("grows with the blur of the photo", () => {
    const scene = randomScene(320, 260, 9, 256);
    const sharp = edgeBlurMm(scene, box);
    const soft = edgeBlurMm(gaussianBlur(scene, 4), box);
    expect(soft).toBeGreaterThan(sharp + 0.3);
  });

  it("is 0 when the box holds too few pixels to judge", () => {
    expect(edgeBlurMm(randomScene(320, 260, 1, 4), { x0: 10, y0: 10, x1: 15, y1: 15 })).toBe(0);
  });
});

/** Gaussian pixel noise of σ `levels` 8-bit levels added to a 0..1 plane, seeded. */
function withNoise(p: Plane, levels: number, seed: number): Plane {
  let s = seed;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const out = makePlane(p.width, p.height);
  for (let i = 0; i < p.data.length; i++) {
    const g = Math.sqrt(-2 * Math.log(Math.max(1e-12, rand()))) * Math.cos(2 * Math.PI * rand());
    out.data[i] = (p.data[i] as number) + (levels * g) / 255;
  }
  return out;
}

describe("noisy photos", () => {
  const box = { x0: 20, y0: 10, x1: 300, y1: 250 };
  const scene = randomScene(320, 260, 9, 256);

  it("reads the pixel noise in 8-bit levels, not the scene's edges", () => {
    expect(noiseLevels(gaussianBlur(scene, 1), box)).toBeLessThan(0.8);
    const measured = noiseLevels(withNoise(gaussianBlur(scene, 1), 4, 7), box);
    expect(measured).toBeGreaterThan(3.4);
    expect(measured).toBeLessThan(4.8);
  });

  it("sees a blurred photo as blurred under sensor noise, where the plain measure reads it sharp", () => {
    const blurredNoisy = withNoise(gaussianBlur(scene, 4), 6, 3);
    const sharpNoisy = withNoise(gaussianBlur(scene, 1), 6, 3);
    // The noise's pixel steps are the strongest gradients: the plain measure calls the blurred photo sharp.
    expect(edgeBlurMm(blurredNoisy, box)).toBeLessThan(0.6);
    expect(denoisedEdgeBlurMm(blurredNoisy, box)).toBeGreaterThan(0.95);
    expect(denoisedEdgeBlurMm(sharpNoisy, box)).toBeLessThan(0.8);
  });
});
