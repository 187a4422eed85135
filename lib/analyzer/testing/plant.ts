import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { FACE_OVAL, fillPolygon, regionPolygon, safeOval } from "../mesh-regions";
import { gaussianBlur, makePlane } from "../planes";
import { cheekTexture, fineTexture, HAIR_TEXTURE_RATIO } from "./skin-texture";
import { skinLikeness } from "./skin-weight";
import { edgeDistance, pointInPolygon } from "./zones";
import type { RegionName } from "../../domain/skin-report";
import type { RgbImage } from "../decode";

/** Deterministic lesions every run. */
export const makeRng = makeSeededRandom;

const toLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (l: number) => {
  const c = l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(c * 255)));
};

/**
 * Chromophore absorption per linear R, G, B (relative). Haemoglobin absorbs green most, then blue
 * (Soret/Q bands), red little; melanin absorbs more the shorter the wavelength (Jacques 1998; Anderson & Parrish 1981).
 */
export const HAEMOGLOBIN: readonly [number, number, number] = [0.1, 0.55, 0.35];
export const MELANIN: readonly [number, number, number] = [0.3, 0.45, 0.6];

/** Beer–Lambert attenuation: pixel ×= exp(−α·k), α shaped by `alphaAt` (0..1 weight). */
export function attenuateAt(
  img: RgbImage,
  k: readonly [number, number, number],
  alphaAt: (x: number, y: number) => number,
  box: [number, number, number, number],
): void {
  const [x0, y0, x1, y1] = box;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
      const a = alphaAt(x, y);
      if (a <= 0) continue;
      const p = 3 * (y * img.width + x);
      for (let c = 0; c < 3; c++) img.data[p + c] = toSrgb(toLinear(img.data[p + c] ?? 0) * Math.exp(-a * (k[c] ?? 0)));
    }
  }
}

export function cloneImage(img: RgbImage): RgbImage {
  return { data: img.data.slice(), width: img.width, height: img.height };
}

export const EYES_AND_LIPS: ReadonlyArray<readonly number[]> = [
  [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
  [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
  [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185],
];

/**
 * Adds melanin to the person's skin: the face (the mesh outline, less eyes and lips) and, around it, whatever looks
 * like the same skin (neck, ears, forehead up to the hair; skin-weight.ts), with a soft edge. Moves it down the ITA
 * scale while eye whites, teeth, hair outside the face outline and the room stay as lit, as in a real photo of darker
 * skin. Toning the face alone left a light neck and hairline round a dark oval, and the mesh found on that photo came
 * out up to 7% smaller (mean 3%, dev, melanin 4).
 * A negative amount takes melanin away: lighter skin.
 */
export function retone(img: RgbImage, melanin: number, mesh: ReadonlyArray<[number, number]>): RgbImage {
  const out = cloneImage(img);
  if (melanin === 0) return out;
  const { width: w, height: h } = img;
  const mask = new Uint8Array(w * h);
  fillPolygon(
    mask,
    w,
    h,
    FACE_OVAL.map((i) => mesh[i] ?? [0, 0]),
  );
  for (const ring of EYES_AND_LIPS)
    fillPolygon(
      mask,
      w,
      h,
      ring.map((i) => mesh[i] ?? [0, 0]),
      0,
    );
  const like = skinLikeness(img, mesh, EYES_AND_LIPS);
  const soft = makePlane(w, h);
  for (let i = 0; i < mask.length; i++) soft.data[i] = Math.max(mask[i] ?? 0, like[i] ?? 0);
  const feather = gaussianBlur(soft, 4);
  attenuateAt(out, MELANIN, (x, y) => melanin * (feather.data[y * w + x] ?? 0), [0, 0, w, h]);
  return out;
}

export type Planted = { type: "lesion" | "spot"; x: number; y: number; r: number };

export const luma = (img: RgbImage, x: number, y: number) => {
  const p = 3 * (Math.round(y) * img.width + Math.round(x));
  return 0.299 * (img.data[p] ?? 0) + 0.587 * (img.data[p + 1] ?? 0) + 0.114 * (img.data[p + 2] ?? 0);
};

/** Median luma over a polygon's bounding box centre band (cheap skin reference). */
function skinLuma(img: RgbImage, poly: ReadonlyArray<[number, number]>): number {
  const values: number[] = [];
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  for (let i = 0; i < 400; i++) {
    const x = Math.min(...xs) + ((i % 20) / 20) * (Math.max(...xs) - Math.min(...xs));
    const y = Math.min(...ys) + (Math.floor(i / 20) / 20) * (Math.max(...ys) - Math.min(...ys));
    if (pointInPolygon(x, y, poly)) values.push(luma(img, x, y));
  }
  values.sort((a, b) => a - b);
  return values[values.length >> 1] ?? 0;
}

/**
 * True where a ring of 16 samples around (x, y) and the centre all sit within 25% of the reference
 * luma: open skin, not hair, brow, lip or a shadow edge. Without a reference the ring's median is used.
 * Stubble and a beard pass that test (hair about the skin's own lightness, or strands averaging to it), so
 * with the face's cheek texture (skin-texture.ts cheekTexture) a site whose fine texture within `reach` is
 * HAIR_TEXTURE_RATIO times it or more is refused too: a lesion under hair is not visible, and the analyzer
 * rightly measures skin, not beard.
 */
export function onOpenSkin(
  img: RgbImage,
  x: number,
  y: number,
  reach: number,
  reference?: number,
  skinTexture?: number,
): boolean {
  let ref = reference ?? 0;
  if (reference === undefined) {
    const ring: number[] = [];
    for (let a = 0; a < 16; a++)
      ring.push(luma(img, x + reach * Math.cos((a * Math.PI) / 8), y + reach * Math.sin((a * Math.PI) / 8)));
    ring.sort((p, q) => p - q);
    ref = ring[8] ?? 0;
  }
  for (let a = 0; a < 16; a++) {
    const px = x + reach * Math.cos((a * Math.PI) / 8) * ((a % 2) + 1) * 0.5;
    const py = y + reach * Math.sin((a * Math.PI) / 8) * ((a % 2) + 1) * 0.5;
    if (Math.abs(luma(img, px, py) - ref) > 0.25 * ref) return false;
  }
  if (Math.abs(luma(img, x, y) - ref) > 0.25 * ref) return false;
  // A flat or blown cheek (texture 0) is no reference: judging against it would refuse every site.
  if (skinTexture === undefined || !(skinTexture > 0)) return true;
  return fineTexture(img, x, y, reach) < HAIR_TEXTURE_RATIO * skinTexture;
}

export type PlantOptions = {
  type: "lesion" | "spot";
  count: number;
  regions: readonly RegionName[];
  /** Radius range in px of the image. */
  radius: [number, number];
  /** Peak absorbance range. */
  strength: [number, number];
  rng: () => number;
  /** Already planted (kept apart from). */
  avoid?: readonly Planted[];
};

/** Plants Gaussian-profile lesions or spots at random places inside the mesh regions; returns where. */
export function plant(img: RgbImage, mesh: ReadonlyArray<[number, number]>, o: PlantOptions): Planted[] {
  const polys = o.regions.map((name) => regionPolygon(mesh, name));
  const oval = safeOval(mesh);
  const placed: Planted[] = [];
  const taken = [...(o.avoid ?? [])];
  const texture = cheekTexture(img, mesh);
  for (let attempt = 0; placed.length < o.count && attempt < o.count * 400; attempt++) {
    const poly = polys[Math.floor(o.rng() * polys.length)];
    if (!poly) continue;
    const xs = poly.map((p) => p[0]);
    const ys = poly.map((p) => p[1]);
    const x = Math.min(...xs) + o.rng() * (Math.max(...xs) - Math.min(...xs));
    const y = Math.min(...ys) + o.rng() * (Math.max(...ys) - Math.min(...ys));
    const r = o.radius[0] + o.rng() * (o.radius[1] - o.radius[0]);
    // Keep the whole lesion, and a little skin around it, inside the region; keep lesions apart.
    if (!pointInPolygon(x, y, poly) || edgeDistance(x, y, poly) < r + 3) continue;
    if (!pointInPolygon(x, y, oval) || edgeDistance(x, y, oval) < r + 3) continue;
    if (taken.some((t) => Math.hypot(t.x - x, t.y - y) < (t.r + r) * 2 + 4)) continue;
    // Only on open skin: hair over the forehead or cheek, or a beard, is inside the mesh polygon but is not skin.
    if (!onOpenSkin(img, x, y, r * 2, skinLuma(img, poly), texture)) continue;
    const peak = o.strength[0] + o.rng() * (o.strength[1] - o.strength[0]);
    const sigma = r / 1.5;
    const k = o.type === "lesion" ? HAEMOGLOBIN : MELANIN;
    const reach = Math.ceil(r * 1.6);
    attenuateAt(img, k, (px, py) => peak * Math.exp(-((px - x) ** 2 + (py - y) ** 2) / (2 * sigma * sigma)), [
      Math.floor(x - reach),
      Math.floor(y - reach),
      Math.ceil(x + reach) + 1,
      Math.ceil(y + reach) + 1,
    ]);
    const p: Planted = { type: o.type, x, y, r };
    placed.push(p);
    taken.push(p);
  }
  return placed;
}

/** Greedy one-to-one matching of findings (image px) to planted truth within `slack` px of the edge. */
export function matchFindings(
  truth: readonly Planted[],
  found: ReadonlyArray<{ x: number; y: number }>,
  slack = 6,
): { tp: number; fp: number; fn: number } {
  const used = matchedFindings(truth, found, slack);
  return { tp: used.size, fp: found.length - used.size, fn: truth.length - used.size };
}

/** The indices of the findings that matchFindings pairs with a planted lesion. */
export function matchedFindings(
  truth: readonly Planted[],
  found: ReadonlyArray<{ x: number; y: number }>,
  slack = 6,
): Set<number> {
  const used = new Set<number>();
  for (const t of truth) {
    let best = -1;
    let bestD = Infinity;
    found.forEach((f, i) => {
      const d = Math.hypot(f.x - t.x, f.y - t.y);
      if (!used.has(i) && d < t.r + slack && d < bestD) {
        best = i;
        bestD = d;
      }
    });
    if (best >= 0) used.add(best);
  }
  return used;
}
