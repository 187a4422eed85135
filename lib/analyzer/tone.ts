import { itaDegrees, linearToLab, toLinear } from "./color";
import type { RgbImage } from "./decode";
import { estimateLight, type LightEstimate } from "./illuminant";
import type { SkinContext } from "./skin-context";
import { categoriseIta, type SkinReport } from "../domain/skin-report";

export type ToneReading = {
  tone: NonNullable<SkinReport["tone"]>;
  /** Median skin colour after neutralising the light. */
  corrected: { L: number; a: number; b: number };
  /** Distance of the corrected colour from the skin locus (ΔE in the a*b* plane): how far the correction missed. */
  locusMiss: number;
  /** The darkest channel's median 8-bit value on the skin: near 0 the light has wiped that channel out. */
  weakestChannel: number;
};

// Whole degrees: the group is read from the value the person sees, so the two cannot disagree at a boundary.
const roundDeg = (v: number) => Math.round(v);

/** Median 8-bit value of each channel over the measured skin. */
export function skinChannelMedians(ctx: SkinContext): [number, number, number] {
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let n = 0;
  for (let i = 0; i < ctx.skin.length; i++) {
    if (!ctx.skin[i]) continue;
    n++;
    for (let c = 0; c < 3; c++) {
      const h = hist[c];
      const v = ctx.image.data[3 * i + c] ?? 0;
      if (h) h[v] = (h[v] ?? 0) + 1;
    }
  }
  return hist.map((h) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += h[v] ?? 0;
      if (acc * 2 >= n) return v;
    }
    return 255;
  }) as [number, number, number];
}

/**
 * Skin colours in white light (OFIQ's NaturalColour check, ISO/IEC 29794-5: mean cheek a* 5–25, b* 5–35).
 * The corrected colour is projected onto this box: a correction that over- or under-shoots (a sclera
 * tinted by JPEG chroma bleeding on a small face) cannot push the tone outside what skin is. The
 * projection acts on the fully corrected colour, which a global cast does not move, so neither does the tone.
 */
const SKIN_LOCUS = { a: [5, 25], b: [5, 35] } as const;
const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));

/** ITA° of the median skin colour under the estimated light made neutral; the group is read from the reported value. */
export function readTone(ctx: SkinContext, light: LightEstimate, med = skinChannelMedians(ctx)): ToneReading {
  const [gr, gg, gb] = light.gains;
  const corrected = linearToLab(toLinear(med[0]) * gr, toLinear(med[1]) * gg, toLinear(med[2]) * gb);
  const ita = roundDeg(itaDegrees(corrected.L, clamp(corrected.b, SKIN_LOCUS.b)));
  return {
    tone: {
      ita,
      category: categoriseIta(ita),
      light: {
        source: light.source,
        gains: light.gains.map((g) => Math.round(g * 1000) / 1000) as [number, number, number],
      },
    },
    corrected,
    locusMiss: Math.hypot(
      corrected.a - clamp(corrected.a, SKIN_LOCUS.a),
      corrected.b - clamp(corrected.b, SKIN_LOCUS.b),
    ),
    weakestChannel: Math.min(...med),
  };
}

/** Reads the light's colour from the face and the scene, then the tone under that light made neutral. */
export function readToneInPhoto(
  ctx: SkinContext,
  work: RgbImage,
  faceBox: { x: number; y: number; width: number; height: number },
): ToneReading & { light: LightEstimate } {
  const med = skinChannelMedians(ctx);
  const light = estimateLight(ctx.crop, work, faceBox, [toLinear(med[0]), toLinear(med[1]), toLinear(med[2])]);
  return { ...readTone(ctx, light, med), light };
}
