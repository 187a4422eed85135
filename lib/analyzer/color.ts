import type { RgbImage } from "./decode";
import type { Plane } from "./planes";
import { arenaPlaneToOverwrite } from "./scratch-arena";

/** sRGB → linear lookup (IEC 61966-2-1), indexed by the 8-bit value: for per-pixel loops, where toLinear's call costs. */
export const SRGB_TO_LINEAR = new Float32Array(256);
const LINEAR = SRGB_TO_LINEAR;
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// Floor before the logs: keeps 8-bit quantisation noise in near-black pixels from dominating.
const EPS = 0.001;
/** 100·log10(linear + EPS) per 8-bit value: the erythema index becomes two lookups and a subtraction. */
const LOG10_LIN = new Float32Array(256);
for (let i = 0; i < 256; i++) LOG10_LIN[i] = 100 * Math.log10((LINEAR[i] ?? 0) + EPS);

function fLabExact(t: number): number {
  return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116;
}

/** f(t) of CIELAB tabulated on [0, 1.1] with linear interpolation: < 0.01 L* error, 3× faster than cbrt. */
const F_STEPS = 4096;
const F_MAX = 1.1;
const F_TABLE = new Float32Array(F_STEPS + 2);
for (let i = 0; i <= F_STEPS + 1; i++) F_TABLE[i] = fLabExact((i / F_STEPS) * F_MAX);

function fLab(t: number): number {
  if (t >= F_MAX || t < 0) return fLabExact(t);
  const u = (t / F_MAX) * F_STEPS;
  const i = u | 0;
  const lo = F_TABLE[i] as number;
  return lo + ((F_TABLE[i + 1] as number) - lo) * (u - i);
}

export type LabPlanes = {
  L: Plane;
  a: Plane;
  b: Plane;
  /** log10(R/G) of linear RGB ×100: erythema index (Dawson et al. 1980). */ ei: Plane;
  /** log of linear luminance: shading acts multiplicatively, so differences here are light ratios (shading, terminator, shine). */ logY: Plane;
};

/** CIELAB (D65) and the log-domain planes the detectors work on. */
export function toLab(img: RgbImage): LabPlanes {
  const { width, height, data } = img;
  // From the arena: an analysis holds them to its end, the next reuses them.
  // labRow writes every pixel of each.
  const L = arenaPlaneToOverwrite(width, height);
  const a = arenaPlaneToOverwrite(width, height);
  const b = arenaPlaneToOverwrite(width, height);
  const ei = arenaPlaneToOverwrite(width, height);
  const logY = arenaPlaneToOverwrite(width, height);
  // A row at a time: toLab runs once an analysis, and its own loop ran through on-stack-replacement code that
  // deoptimised every analysis; a function called for every row is optimised once (masked-blur.ts contrastRow).
  for (let y = 0; y < height; y++) labRow(data, y * width, width, L.data, a.data, b.data, ei.data, logY.data);
  return { L, a, b, ei, logY };
}

/** Pixels i0 … i0 + n − 1 of toLab. */
function labRow(
  data: Uint8Array,
  i0: number,
  n: number,
  Ld: Float32Array,
  ad: Float32Array,
  bd: Float32Array,
  eid: Float32Array,
  logYd: Float32Array,
): void {
  for (let i = i0, p = 3 * i0; i < i0 + n; i++, p += 3) {
    const r8 = data[p] as number;
    const g8 = data[p + 1] as number;
    const b8 = data[p + 2] as number;
    const r = LINEAR[r8] as number;
    const g = LINEAR[g8] as number;
    const bl = LINEAR[b8] as number;
    const x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    const z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
    const fx = fLab(x);
    const fy = fLab(y);
    const fz = fLab(z);
    Ld[i] = 116 * fy - 16;
    ad[i] = 500 * (fx - fy);
    bd[i] = 200 * (fy - fz);
    eid[i] = (LOG10_LIN[r8] as number) - (LOG10_LIN[g8] as number);
    logYd[i] = Math.log(y + EPS);
  }
}

/**
 * Individual Typology Angle (Chardon et al. 1991): arctan((L* − 50)/b*)·180/π, in [−90°, 90°] by
 * construction. atan2 is a different formula: it leaves that range whenever b* ≤ 0. Skin has b* > 0 in
 * any white light, so b* is floored at 0.5: a b* at or below it is a colour cast the gate reports.
 */
export function itaDegrees(L: number, b: number): number {
  return (Math.atan((L - 50) / Math.max(0.5, b)) * 180) / Math.PI;
}

/** CIELAB (D65) of one linear-RGB colour. */
export function linearToLab(r: number, g: number, bl: number): { L: number; a: number; b: number } {
  const fx = fLab((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
  const fy = fLab(0.2126 * r + 0.7152 * g + 0.0722 * bl);
  const fz = fLab((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** sRGB 8-bit → linear, tabulated. */
export function toLinear(v: number): number {
  return LINEAR[v] ?? 0;
}
