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
  regionPolygon,
  safeOval,
} from "./mesh-regions";
import { robustStats } from "./planes";
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

function labelCrop(crop: FaceCrop): {
  labels: Uint8Array;
  face: Uint8Array;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
} {
  const { width, height } = crop.image;
  const labels = new Uint8Array(width * height);
  for (const name of REGION_NAMES)
    fillPolygon(labels, width, height, regionPolygon(crop.mesh, name), regionLabel(name));
  const oval = new Uint8Array(width * height);
  fillPolygon(oval, width, height, safeOval(crop.mesh));
  const zones = new Uint8Array(width * height);
  fillDetectionZones(zones, width, height, crop.mesh);
  const face = new Uint8Array(width * height);
  fillPolygon(face, width, height, detectionOval(crop.mesh));
  for (let i = 0; i < face.length; i++) if (!zones[i]) face[i] = 0;
  for (const { ring, grow } of FEATURE_CUTOUTS)
    fillPolygon(face, width, height, grownPolygon(crop.mesh, ring, grow), 0);
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!oval[i]) labels[i] = 0;
    if (!labels[i] && !face[i]) continue;
    const x = i % width;
    const y = (i - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { labels, face, x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

function sliceRgb(img: RgbImage, x: number, y: number, w: number, h: number): RgbImage {
  const data = new Uint8Array(w * h * 3);
  for (let r = 0; r < h; r++)
    data.set(img.data.subarray(3 * ((y + r) * img.width + x), 3 * ((y + r) * img.width + x + w)), 3 * r * w);
  return { data, width: w, height: h };
}

export function buildSkinContext(crop: FaceCrop): SkinContext {
  const full = labelCrop(crop);
  const ox = Math.max(0, full.x0 - PAD);
  const oy = Math.max(0, full.y0 - PAD);
  const width = Math.min(crop.image.width, full.x1 + PAD + 1) - ox;
  const height = Math.min(crop.image.height, full.y1 + PAD + 1) - oy;
  const image = sliceRgb(crop.image, ox, oy, width, height);
  const labels = new Uint8Array(width * height);
  const faceSkin = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) {
    const from = (oy + r) * crop.image.width + ox;
    labels.set(full.labels.subarray(from, from + width), r * width);
    faceSkin.set(full.face.subarray(from, from + width), r * width);
  }
  const mesh: Pt[] = crop.mesh.map(([x, y]) => [x - ox, y - oy]);
  const lab = toLab(image);

  const folds = new Uint8Array(width * height);
  // Fold masks ≈ 3.5% of the face width each side of the crease line (measured: fold shadows are 10–20 px wide at 512 px).
  const foldRadius = crop.image.width * 0.035;
  for (const [i, j] of FOLD_LINES) {
    const a = mesh[i];
    const b = mesh[j];
    if (a && b) fillCapsule(folds, width, height, a, b, foldRadius);
  }

  const inRegion = new Uint8Array(width * height);
  const cheeks = new Uint8Array(width * height);
  const lowerFace = new Uint8Array(width * height);
  const cheekLabels = [regionLabel("leftCheek"), regionLabel("rightCheek")];
  for (let i = 0; i < labels.length; i++) {
    inRegion[i] = labels[i] ? 1 : 0;
    cheeks[i] = cheekLabels.includes(labels[i] ?? 0) ? 1 : 0;
    lowerFace[i] = labels[i] || faceSkin[i] ? 1 : 0;
  }
  const hair = facialHairMask(lab, hairZones(mesh, cheeks, lowerFace, width));
  const Ls = robustStats(lab.L.data, inRegion);
  for (let i = 0; i < faceSkin.length; i++)
    if (faceSkin[i] && ((lab.L.data[i] ?? 0) <= Ls.median - OUTLIER_DARK_L || hair[i])) faceSkin[i] = 0;
  const skin = new Uint8Array(width * height);
  const sums = REGION_NAMES.map(() => ({ n: 0, L: 0, a: 0, b: 0, ei: 0 }));
  const areas: Partial<Record<RegionName, number>> = {};
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? 0;
    if (!label) continue;
    const name = REGION_NAMES[label - 1];
    if (name) areas[name] = (areas[name] ?? 0) + 1;
    if ((lab.L.data[i] ?? 0) <= Ls.median - OUTLIER_DARK_L || hair[i]) continue;
    skin[i] = 1;
    const s = sums[label - 1];
    if (!s) continue;
    s.n++;
    s.L += lab.L.data[i] ?? 0;
    s.a += lab.a.data[i] ?? 0;
    s.b += lab.b.data[i] ?? 0;
    s.ei += lab.ei.data[i] ?? 0;
  }
  const stats: Partial<Record<RegionName, RegionStats>> = {};
  REGION_NAMES.forEach((name, k) => {
    const s = sums[k];
    if (s && s.n > 0) stats[name] = { n: s.n, L: s.L / s.n, a: s.a / s.n, b: s.b / s.n, ei: s.ei / s.n };
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
    hair,
    folds,
    bbox: { x0: full.x0 - ox, y0: full.y0 - oy, x1: full.x1 - ox, y1: full.y1 - oy },
    median: { L: Ls.median, a: robustStats(lab.a.data, inRegion).median, b: robustStats(lab.b.data, inRegion).median },
    stats,
    areas,
  };
}

/** Pixel-weighted mean of one statistic over several regions (0 when none has skin). */
export function meanOver(ctx: SkinContext, key: Exclude<keyof RegionStats, "n">, names: readonly RegionName[]): number {
  let acc = 0;
  let n = 0;
  for (const name of names) {
    const s = ctx.stats[name];
    if (!s) continue;
    acc += s[key] * s.n;
    n += s.n;
  }
  return n > 0 ? acc / n : 0;
}
