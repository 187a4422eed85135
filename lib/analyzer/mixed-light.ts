import { toLinear } from "./color";
import { regionLabel, type SkinContext } from "./skin-context";

/**
 * Lights of different colours from the two sides of the face (neon, a coloured screen beside a white lamp). The
 * analyzer corrects the light's colour once for the whole photo (illuminant.ts); when the colour differs across
 * the face, what is left after that correction differs between the cheeks and the forehead, and redness (the
 * cheeks' erythema index above the forehead's) reads the light, not the skin.
 *
 * The light's colour on each side is read from the skin it falls on: the mean chromaticity of each cheek's skin,
 * 100·log10(R/G) and 100·log10(B/G) of linear RGB. A white light's shading (a key light, the face's relief)
 * scales R, G and B alike and leaves these ratios alone, and a global cast shifts both cheeks alike, so their
 * difference is the change in the light's colour across the face plus the two cheeks' own difference in skin
 * colour.
 */
export type SideLightDifference = {
  /** Right cheek − left cheek, 100·log10(R/G) (erythema-index units). */
  redGreen: number;
  /** Right cheek − left cheek, 100·log10(B/G). */
  blueGreen: number;
  /** Length of the two together. */
  size: number;
};

// The same floor as color.ts: keeps 8-bit quantisation in near-black channels from dominating the logs.
const EPS = 0.001;
const LOG10_LIN = Float64Array.from({ length: 256 }, (_, v) => 100 * Math.log10(toLinear(v) + EPS));

function cheekChromaticity(ctx: SkinContext, label: number): { rg: number; bg: number; n: number } {
  let rg = 0;
  let bg = 0;
  let n = 0;
  const d = ctx.image.data;
  for (let i = 0; i < ctx.labels.length; i++) {
    if (ctx.labels[i] !== label || !ctx.skin[i]) continue;
    const g = LOG10_LIN[d[3 * i + 1] as number] as number;
    rg += (LOG10_LIN[d[3 * i] as number] as number) - g;
    bg += (LOG10_LIN[d[3 * i + 2] as number] as number) - g;
    n++;
  }
  return n > 0 ? { rg: rg / n, bg: bg / n, n } : { rg: 0, bg: 0, n: 0 };
}

/** The light's colour difference between the two cheeks, or null when a cheek has no skin in view. */
export function sideLightDifference(ctx: SkinContext): SideLightDifference | null {
  const left = cheekChromaticity(ctx, regionLabel("leftCheek"));
  const right = cheekChromaticity(ctx, regionLabel("rightCheek"));
  if (!left.n || !right.n) return null;
  const redGreen = right.rg - left.rg;
  const blueGreen = right.bg - left.bg;
  return { redGreen, blueGreen, size: Math.hypot(redGreen, blueGreen) };
}
