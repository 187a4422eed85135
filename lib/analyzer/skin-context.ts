import { REGION_NAMES, type RegionName } from "../domain/skin-report";
import { toLab, type LabPlanes } from "./color";
import type { FaceCrop } from "./face-crop";
import { fillCapsule, fillPolygon, FOLD_LINES, regionPolygon, safeOval } from "./mesh-regions";
import { robustStats } from "./planes";

export type SkinContext = {
  crop: FaceCrop;
  width: number;
  height: number;
  lab: LabPlanes;
  /** 0 = not skin we measure; otherwise 1 + index into REGION_NAMES. */
  labels: Uint8Array;
  /** labels > 0 and not an outlier (hair, glasses, deep shadow). */
  skin: Uint8Array;
  /** Nasolabial and marionette folds: skin, but shading, not pigment. */
  folds: Uint8Array;
  /** Bounding box of all regions: the metrics never look outside it. */
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** Median skin L*, a*, b*. */
  median: { L: number; a: number; b: number };
};

export function regionLabel(name: RegionName): number {
  return REGION_NAMES.indexOf(name) + 1;
}

/**
 * Hair strands and glasses frames inside a region sit far below the skin's lightness; a dark
 * lesion or spot is 3–15 L* below its surround (measured on planted spots), hair 30+.
 */
const OUTLIER_DARK_L = 28;

export function buildSkinContext(crop: FaceCrop): SkinContext {
  const { width, height } = crop.image;
  const lab = toLab(crop.image);
  const labels = new Uint8Array(width * height);
  for (const name of REGION_NAMES) fillPolygon(labels, width, height, regionPolygon(crop.mesh, name), regionLabel(name));
  const oval = new Uint8Array(width * height);
  fillPolygon(oval, width, height, safeOval(crop.mesh));
  for (let i = 0; i < labels.length; i++) if (!oval[i]) labels[i] = 0;

  const folds = new Uint8Array(width * height);
  // Fold masks ≈ 4% of the face width each side of the crease line (measured: fold shadows are 10–20 px wide at 512 px).
  const foldRadius = width * 0.035;
  for (const [i, j] of FOLD_LINES) {
    const a = crop.mesh[i];
    const b = crop.mesh[j];
    if (a && b) fillCapsule(folds, width, height, a, b, foldRadius);
  }

  const inRegion = new Uint8Array(width * height);
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]) continue;
    inRegion[i] = 1;
    const x = i % width;
    const y = (i - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const Ls = robustStats(lab.L.data, inRegion);
  const as = robustStats(lab.a.data, inRegion);
  const bs = robustStats(lab.b.data, inRegion);
  const skin = new Uint8Array(width * height);
  for (let i = 0; i < labels.length; i++) {
    if (inRegion[i] && (lab.L.data[i] ?? 0) > Ls.median - OUTLIER_DARK_L) skin[i] = 1;
  }
  return {
    crop,
    width,
    height,
    lab,
    labels,
    skin,
    folds,
    bbox: { x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1) },
    median: { L: Ls.median, a: as.median, b: bs.median },
  };
}

/** Mean of a plane over the skin pixels of one region (NaN-free: 0 when empty). */
export function regionMean(ctx: SkinContext, values: Float32Array, name: RegionName): { mean: number; n: number } {
  const label = regionLabel(name);
  let acc = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (ctx.labels[i] === label && ctx.skin[i]) {
      acc += values[i] ?? 0;
      n++;
    }
  }
  return { mean: n > 0 ? acc / n : 0, n };
}
