import { makeRng } from "./plant";

/**
 * How far an evaluation figure could move with other faces: a percentile bootstrap that resamples whole faces, not
 * rows (Field & Welsh 2007, "Bootstrapping clustered data", J R Stat Soc B 69:369). Each face contributes many rows
 * that move together (the same face at four added melanins, its five re-shoots, its lesions sharing one skin and one
 * light), so resampling rows would treat 88 correlated photos as 88 independent ones and give intervals far too
 * narrow. With 22–24 faces a split, the interval is what the team should read a change between two runs against:
 * a figure that moves within it may be the faces, not the analyzer.
 */
export const BOOTSTRAP_DRAWS = 1000;
/** Fixed, so the same rows give the same interval and a re-run of the report changes only where the rows did. */
const BOOTSTRAP_SEED = 4242;

export type Interval = { lo: number; hi: number };

/** The values at the 2.5th and 97.5th percentiles, NaNs (a resample without the rows a figure needs) left out. */
function percentileInterval(values: number[]): Interval {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { lo: Number.NaN, hi: Number.NaN };
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  return { lo: at(0.025) ?? Number.NaN, hi: at(0.975) ?? Number.NaN };
}

/**
 * The 95% interval of each of `figures` over resamples of `faces` (drawn with replacement, as many as there are).
 * `figures` gets each resample as a list of face names, a face drawn twice listed twice, and must count that face's
 * rows twice (byFace).
 */
export function faceIntervals<K extends string>(
  faces: readonly string[],
  figures: (sample: readonly string[]) => Record<K, number>,
  draws = BOOTSTRAP_DRAWS,
): Record<K, Interval> {
  const unique = [...new Set(faces)];
  const rng = makeRng(BOOTSTRAP_SEED);
  const values = new Map<K, number[]>();
  for (let d = 0; d < draws && unique.length > 0; d++) {
    const sample = unique.map(() => unique[Math.floor(rng() * unique.length)] ?? "");
    for (const [key, v] of Object.entries(figures(sample)) as Array<[K, number]>) {
      const list = values.get(key) ?? [];
      list.push(v);
      values.set(key, list);
    }
  }
  // Without a draw (no faces) the keys come from the figures of no faces, which are all undefined.
  const keys = values.size > 0 ? [...values.keys()] : (Object.keys(figures([])) as K[]);
  return Object.fromEntries(keys.map((k) => [k, percentileInterval(values.get(k) ?? [])])) as Record<K, Interval>;
}

/**
 * Rows grouped by face once, then, for each resample, the rows of its faces, a face's rows repeated as often as it
 * was drawn: a thousand resamples read the grouping, not the rows.
 */
export function byFace<T extends { name: string }>(rows: readonly T[]): (sample: readonly string[]) => T[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(r.name) ?? [];
    list.push(r);
    groups.set(r.name, list);
  }
  return (sample) => sample.flatMap((face) => groups.get(face) ?? []);
}
