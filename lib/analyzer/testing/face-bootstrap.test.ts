import { describe, expect, it } from "vitest";
import { targetFigures, targetsTable, type EvalRows } from "./eval-report";
import type { PlantedRow, RepeatRow } from "./evaluation";
import { faceIntervals, rowsOf } from "./face-bootstrap";
import { emptyTally } from "./planted-run";

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/** `copies` rows per face, every row of face i holding values[i]. */
function rowsFor(values: number[], copies: number) {
  return values.flatMap((v, i) => Array.from({ length: copies }, () => ({ name: `face${i}`, v })));
}
const meanOf = (rows: ReturnType<typeof rowsFor>) => (sample: readonly string[]) => ({
  mean: mean(rowsOf(rows, sample).map((r) => r.v)),
});

describe("faceIntervals", () => {
  it("resamples faces, not rows: twenty identical rows a face give the interval of one row a face", () => {
    const values = [0.2, 0.9, 0.4, 0.6, 0.1, 0.8, 0.5, 0.3, 0.7, 0.05];
    const one = faceIntervals(
      values.map((_, i) => `face${i}`),
      meanOf(rowsFor(values, 1)),
    );
    const twenty = faceIntervals(
      rowsFor(values, 20).map((r) => r.name),
      meanOf(rowsFor(values, 20)),
    );
    expect(twenty.mean.lo).toBeCloseTo(one.mean.lo, 12);
    expect(twenty.mean.hi).toBeCloseTo(one.mean.hi, 12);
    // Ten faces spread over 0.05–0.9: the mean's interval is wide, and holds the mean of all of them.
    expect(one.mean.hi - one.mean.lo).toBeGreaterThan(0.2);
    expect(one.mean.lo).toBeLessThan(mean(values));
    expect(one.mean.hi).toBeGreaterThan(mean(values));
  });

  it("collapses to the figure when every face reads the same, and narrows as faces agree", () => {
    const same = faceIntervals(["a", "b", "c", "d"], meanOf(["a", "b", "c", "d"].map((name) => ({ name, v: 0.4 }))));
    expect(same.mean).toEqual({ lo: 0.4, hi: 0.4 });
    const spread = (values: number[]) => {
      const ci = faceIntervals(
        values.map((_, i) => `face${i}`),
        meanOf(rowsFor(values, 1)),
      );
      return ci.mean.hi - ci.mean.lo;
    };
    expect(spread([0.45, 0.5, 0.55, 0.5, 0.45, 0.55])).toBeLessThan(spread([0, 1, 0, 1, 0, 1]) / 5);
  });

  it("is the same on every run, and leaves out resamples where a figure is undefined", () => {
    const rows = rowsFor([0, 1, 0.5, 0.25], 3);
    const figure = meanOf(rows);
    expect(
      faceIntervals(
        rows.map((r) => r.name),
        figure,
      ),
    ).toEqual(
      faceIntervals(
        rows.map((r) => r.name),
        figure,
      ),
    );
    // Defined only when face0 is drawn: the others' resamples must not pull the interval to NaN.
    const ci = faceIntervals(["face0", "face1"], (sample) => ({ v: sample.includes("face0") ? 1 : Number.NaN }));
    expect(ci.v).toEqual({ lo: 1, hi: 1 });
  });

  it("rowsOf lists a face's rows as often as it was drawn", () => {
    const rows = [
      { name: "a", v: 1 },
      { name: "a", v: 2 },
      { name: "b", v: 3 },
    ];
    expect(rowsOf(rows, ["a", "a", "c"]).map((r) => r.v)).toEqual([1, 2, 1, 2]);
  });
});

/** A photo of `name` with `found` of 10 red lesions found in every zone and `spots` of 6 spots. */
function photo(name: string, tone: PlantedRow["tone"], found: number, spots: number): PlantedRow {
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
const pigmentation = (a: number, b: number): RepeatRow => ({
  name: "x",
  reshoot: "JPEG q75",
  ref: { ...noScores, pigmentation: { grade: a, raw: a } },
  again: { ...noScores, pigmentation: { grade: b, raw: b } },
});

describe("targetsTable", () => {
  const rows = (planted: PlantedRow[], repeat: RepeatRow[] = []): EvalRows => ({
    planted,
    rejects: [],
    defects: [],
    defectCodes: new Map(),
    tone: [],
    repeat,
  });

  it("gives each target its interval over the faces: none where every face agrees, wide where one differs", () => {
    const agree = rows(["a", "b", "c", "d"].map((n) => photo(n, "dark", 7, 3)));
    expect(targetFigures(agree).minRecall).toBeCloseTo(0.7, 12);
    expect(targetsTable(agree)).toContain("| red-lesion recall, worst zone or ITA group | 70% | 70%–70% | ≥ 85% |");
    const one = rows([...["a", "b", "c"].map((n) => photo(n, "dark", 7, 3)), photo("d", "dark", 1, 3)]);
    // Face d drawn 0–4 times of 4: the resamples' recall runs from 7/10 down towards 1/10.
    expect(targetsTable(one)).toMatch(/\| red-lesion recall, worst zone or ITA group \| 55% \| (\d+)%–70% \|/);
    const lo = Number(/worst zone or ITA group \| 55% \| (\d+)%/.exec(targetsTable(one))?.[1]);
    expect(lo).toBeLessThan(40);
  });

  it("reads the tone gap and re-shoot agreement from the resampled faces too", () => {
    const planted = [photo("a", "very-light", 9, 3), photo("a", "dark", 5, 3), photo("b", "very-light", 9, 3)];
    planted.push(photo("b", "dark", 5, 3));
    const agree = rows(planted, [
      { ...pigmentation(1, 1), name: "a" },
      { ...pigmentation(1, 2), name: "b" },
    ]);
    const f = targetFigures(agree);
    expect(f.gap).toBeCloseTo(40, 9);
    expect(f.sameGrade).toBe(0.5);
    const table = targetsTable(agree);
    expect(table).toContain("| recall gap, lightest vs darkest group | 40.0 points | 40.0–40.0 |");
    // Face a alone agrees, face b alone does not: the resamples run from 0% to 100%.
    expect(table).toContain("| same grade on a re-shot face with something to grade | 50% (1/2) | 0%–100% |");
  });
});
