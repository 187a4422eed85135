import { describe, expect, it } from "vitest";
import { byFace, faceIntervals } from "./face-bootstrap";

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/** `copies` rows per face, every row of face i holding values[i]. */
function rowsFor(values: number[], copies: number) {
  return values.flatMap((v, i) => Array.from({ length: copies }, () => ({ name: `face${i}`, v })));
}
const meanOf = (rows: ReturnType<typeof rowsFor>) => (sample: readonly string[]) => ({
  mean: mean(byFace(rows)(sample).map((r) => r.v)),
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

  it("byFace lists a face's rows as often as it was drawn", () => {
    const rows = [
      { name: "a", v: 1 },
      { name: "a", v: 2 },
      { name: "b", v: 3 },
    ];
    expect(byFace(rows)(["a", "a", "c"]).map((r) => r.v)).toEqual([1, 2, 1, 2]);
  });
});
