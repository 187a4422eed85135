import type { PlantedRow, RepeatRow } from "./evaluation";
import { emptyTally } from "./planted-run";

/** Hand-made evaluation rows for the report's tests: what a run would tally, without running one. */

/** A photo of `name` with `found` of 10 red lesions found in every zone and `spots` of 6 spots. */
export function plantedPhoto(name: string, tone: PlantedRow["tone"], found: number, spots: number): PlantedRow {
  const t = () => ({ tp: found, fp: 0, fn: 10 - found });
  return {
    name,
    melanin: 0,
    ok: true,
    issues: [],
    tone,
    lesions: {
      all: { tp: 4 * found, fp: 0, fn: 4 * (10 - found) },
      forehead: t(),
      cheeks: t(),
      nose: t(),
      chin: t(),
    },
    spots: { tp: spots, fp: 0, fn: 6 - spots },
    bySize: { "1": emptyTally() },
  };
}
const noScores = Object.fromEntries(
  ["acne", "redness", "pigmentation", "pores", "shine", "underEye"].map((k) => [k, null]),
) as RepeatRow["ref"];
export const pigmentationPair = (a: number, b: number): RepeatRow => ({
  name: "x",
  reshoot: "JPEG q75",
  ref: { ...noScores, pigmentation: { grade: a, raw: a } },
  again: { ...noScores, pigmentation: { grade: b, raw: b } },
});
