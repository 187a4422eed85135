import type { RgbImage } from "../decode";
import { FACE_OVAL, fillPolygon } from "../mesh-regions";
import { gaussianBlur, makePlane } from "../planes";

type Pt = [number, number];

/** Mid-cheek mesh points (left and right, upper and lower cheek): open skin on nearly every face. */
const CHEEK_POINTS = [50, 280, 205, 425, 117, 346] as const;

/** One cheek patch's skin: median chromaticity (r, g of r+g+b), median luma, and the patch's own chroma spread. */
export type SkinReference = { r: number; g: number; luma: number; spread: number };

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
};

function chroma(img: RgbImage, i: number): [number, number, number] {
  const r = img.data[3 * i] ?? 0;
  const g = img.data[3 * i + 1] ?? 0;
  const b = img.data[3 * i + 2] ?? 0;
  const sum = Math.max(1, r + g + b);
  return [r / sum, g / sum, 0.299 * r + 0.587 * g + 0.114 * b];
}

/**
 * One reference per cheek patch, not one for the face: under two-colour light the two cheeks differ more than skin
 * from background, and the neck on each side is lit like the cheek above it.
 */
export function skinReferences(img: RgbImage, mesh: readonly Pt[]): SkinReference[] {
  const half = Math.max(2, Math.round(faceHalfSize(mesh)[0] * 0.04));
  return CHEEK_POINTS.flatMap((k) => {
    const rs: number[] = [];
    const gs: number[] = [];
    const ls: number[] = [];
    const [cx, cy] = mesh[k] ?? [0, 0];
    for (let dy = -half; dy <= half; dy++)
      for (let dx = -half; dx <= half; dx++) {
        const x = Math.round(cx + dx);
        const y = Math.round(cy + dy);
        if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
        const [r, g, l] = chroma(img, y * img.width + x);
        rs.push(r);
        gs.push(g);
        ls.push(l);
      }
    // A patch off the photo (a cropped or tilted face) has no skin to describe; r = g = 0 would match dark clothes.
    if (rs.length === 0) return [];
    const r = median(rs);
    const g = median(gs);
    const spread = median(rs.map((v, i) => Math.hypot(v - r, (gs[i] ?? 0) - g)));
    return [{ r, g, luma: median(ls), spread }];
  });
}

/** Half the face oval's width and height, and its centre. */
function faceHalfSize(mesh: readonly Pt[]): [number, number, number, number] {
  const outline = FACE_OVAL.map((i): Pt => mesh[i] ?? [0, 0]);
  const xs = outline.map((p) => p[0]);
  const ys = outline.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  return [(x1 - x0) / 2, (y1 - y0) / 2, (x0 + x1) / 2, (y0 + y1) / 2];
}

/** 1 inside [lo, hi], falling linearly to 0 at lo·(1 − soft) and hi·(1 + soft). */
const softBand = (v: number, lo: number, hi: number, soft: number) =>
  v < lo ? Math.max(0, 1 - (lo - v) / (lo * soft)) : v > hi ? Math.max(0, 1 - (v - hi) / (hi * soft)) : 1;

/**
 * Where the person's skin beyond the face oval can be, from the mesh alone: the oval's upper half stretched by half
 * again past the hairline, a neck column under the chin (0.8 of the face wide, reaching 0.7 of the face's height
 * below the chin) and an ellipse over each ear. Axes follow the face (forehead→chin, ear→ear), so a tilted head is fine.
 */
export function personRegion(mesh: readonly Pt[], w: number, h: number): Uint8Array {
  const region = new Uint8Array(w * h);
  const at = (k: number) => mesh[k] ?? [0, 0];
  const [top, chin, left, right] = [at(10), at(152), at(234), at(454)];
  const faceW = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const faceH = Math.hypot(chin[0] - top[0], chin[1] - top[1]);
  const ux = (right[0] - left[0]) / Math.max(1, faceW);
  const uy = (right[1] - left[1]) / Math.max(1, faceW);
  const vx = (chin[0] - top[0]) / Math.max(1, faceH);
  const vy = (chin[1] - top[1]) / Math.max(1, faceH);
  const from = (o: Pt, u: number, v: number): Pt => [o[0] + u * ux + v * vx, o[1] + u * uy + v * vy];
  const outline = FACE_OVAL.map(at);
  const cx = outline.reduce((s, p) => s + p[0], 0) / outline.length;
  const cy = outline.reduce((s, p) => s + p[1], 0) / outline.length;
  // Up the face axis: a point above the centre moves half as far again from it (a bald head is skin to the crown).
  const lifted = outline.map(([x, y]): Pt => {
    const along = (x - cx) * vx + (y - cy) * vy;
    return along < 0 ? [x + 0.5 * along * vx, y + 0.5 * along * vy] : [x, y];
  });
  fillPolygon(region, w, h, lifted);
  const neck = [
    from(chin, -0.4 * faceW, -0.3 * faceH),
    from(chin, 0.4 * faceW, -0.3 * faceH),
    from(chin, 0.42 * faceW, 0.7 * faceH),
    from(chin, -0.42 * faceW, 0.7 * faceH),
  ];
  fillPolygon(region, w, h, neck);
  for (const [side, sign] of [
    [left, -1],
    [right, 1],
  ] as const) {
    const c = from(side, sign * 0.03 * faceW, 0);
    const ear: Pt[] = [];
    for (let k = 0; k < 24; k++) {
      const t = (k / 24) * 2 * Math.PI;
      ear.push(from(c, 0.09 * faceW * Math.cos(t), 0.2 * faceH * Math.sin(t)));
    }
    fillPolygon(region, w, h, ear);
  }
  return region;
}

/**
 * How much each pixel looks like this face's own skin (0..1) within `personRegion`: the best over the cheek patches
 * of a Gaussian weight on the distance of its chromaticity from the patch's, times a band on its luma (0.4–1.6 of
 * the patch's, so dark hair, beard, deep shadow and a bright collar drop out). Eye whites and teeth are near grey,
 * far from skin chromaticity; `exclude` rings (eyes, lips) are zeroed outright; then only broad stretches of likeness
 * are kept. Each patch's tolerance is 0.03 or twice its own spread if more: the same rule for every face. The region's
 * edge is blurred (σ 2% of the face's width) so no outline shows.
 */
export function skinLikeness(
  img: RgbImage,
  mesh: readonly Pt[],
  exclude: ReadonlyArray<readonly number[]>,
): Float32Array {
  const { width: w, height: h } = img;
  const refs = skinReferences(img, mesh).map((ref) => ({
    ...ref,
    tol: Math.max(0.03, 2 * ref.spread),
    luma: Math.max(1, ref.luma),
  }));
  const region = personRegion(mesh, w, h);
  const holes = new Uint8Array(w * h);
  for (const ring of exclude)
    fillPolygon(
      holes,
      w,
      h,
      ring.map((k) => mesh[k] ?? [0, 0]),
    );
  for (let i = 0; i < region.length; i++) if (holes[i]) region[i] = 0;
  const plane = makePlane(w, h);
  for (let i = 0; i < region.length; i++) plane.data[i] = region[i] ?? 0;
  const [hw] = faceHalfSize(mesh);
  const soft = gaussianBlur(plane, Math.max(2, 0.04 * hw)).data;
  for (let i = 0; i < plane.data.length; i++) {
    const s = soft[i] ?? 0;
    plane.data[i] = 0;
    if (s < 0.01) continue;
    const [r, g, l] = chroma(img, i);
    let best = 0;
    for (const ref of refs) {
      const d = Math.hypot(r - ref.r, g - ref.g) / ref.tol;
      if (d > 3) continue;
      best = Math.max(best, Math.exp(-0.5 * d * d) * softBand(l / ref.luma, 0.4, 1.6, 0.5));
    }
    plane.data[i] = best * s;
  }
  // Only broad stretches of skin count: a thin seam that happens to match (where a blue-lit neck meets a dark collar)
  // blurs to little and is dropped, so the re-tone paints no outline.
  const broad = gaussianBlur(plane, Math.max(2, 0.03 * hw)).data;
  const out = new Float32Array(w * h);
  // The blurs reach into the eyes and lips from the skin round them: cut them out again.
  for (let i = 0; i < out.length; i++) out[i] = holes[i] ? 0 : Math.min(1, Math.max(0, ((broad[i] ?? 0) - 0.25) / 0.4));
  return out;
}
