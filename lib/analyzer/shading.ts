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
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < ctx.labels.length; i++) {
    const label = ctx.labels[i];
    if (label === leftLabel) left.push(ctx.lab.logY.data[i] ?? 0);
    else if (label === rightLabel) right.push(ctx.lab.logY.data[i] ?? 0);
  }
  // A cheek the head's turn hides has few pixels and no meaningful median: the pose gate speaks for it.
  if (left.length < 200 || right.length < 200) return 1;
  const median = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
  return Math.exp(Math.abs(median(left) - median(right)));
}
