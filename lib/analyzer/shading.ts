import { selectNth } from "./select";
import type { SkinContext } from "./skin-context";

/**
 * How the light falls across the face, read on log luminance over the regions as drawn from the mesh, before
 * anything dark is dropped: a shadow is what is measured here, so it must not be cut out as "not skin" first.
 */

/**
 * Light on the brighter cheek over the darker one: median luminance over each cheek region as drawn from the
 * mesh, shadow included (≥ 1). Medians, so a beard or a strand of hair on one cheek does not tip it.
 */
export function measureCheekLight(ctx: SkinContext, leftLabel: number, rightLabel: number): number {
  // Typed arrays, and the median by selection: the comparator sort of ~20k numbers a cheek, then a numeric sort, was
  // most of this function's time (measured); selection picks the value either sort put in the middle.
  let nLeft = 0;
  let nRight = 0;
  for (let i = 0; i < ctx.labels.length; i++) {
    const label = ctx.labels[i];
    if (label === leftLabel) nLeft++;
    else if (label === rightLabel) nRight++;
  }
  // A cheek the head's turn hides has few pixels and no meaningful median: the pose gate speaks for it.
  if (nLeft < 200 || nRight < 200) return 1;
  const left = new Float64Array(nLeft);
  const right = new Float64Array(nRight);
  const logY = ctx.lab.logY.data;
  for (let i = 0, l = 0, r = 0; i < ctx.labels.length; i++) {
    const label = ctx.labels[i];
    if (label === leftLabel) left[l++] = logY[i] as number;
    else if (label === rightLabel) right[r++] = logY[i] as number;
  }
  // By selection: the value the numeric sort put there, without sorting each cheek's ~20k values.
  const median = (v: Float64Array) => selectNth(v, Math.floor(v.length / 2));
  return Math.exp(Math.abs(median(left) - median(right)));
}
