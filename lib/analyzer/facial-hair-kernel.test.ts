import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import type { LabPlanes } from "./color";
import { facialHairMask, type HairZones } from "./facial-hair";
import { boxBlur, gaussianBlur, makePlane, type Plane } from "./planes";

/** facialHairMask as first written: every plane blurred whole, fresh buffers; the reference for its rewrite. */
function referenceMask(lab: LabPlanes, zones: HairZones): Uint8Array {
  const { width, height } = lab.L;
  const hair = new Uint8Array(width * height);
  const ref: number[] = [];
  zones.reference.forEach((on, i) => on && ref.push(i));
  if (ref.length < 200) return hair;
  const blurred = gaussianBlur(lab.L, 2);
  const energy = makePlane(width, height);
  energy.data.forEach((_, i) => (energy.data[i] = ((lab.L.data[i] ?? 0) - (blurred.data[i] ?? 0)) ** 2));
  const texture = boxBlur(energy, 3);
  texture.data.forEach((v, i) => (texture.data[i] = Math.sqrt(v)));
  const median = (v: number[]) => Float64Array.from(v).sort()[Math.floor(v.length / 2)] ?? 0;
  const tex0 = Math.max(median(ref.map((i) => texture.data[i] ?? 0)), 0.2);
  const L0 = median(ref.map((i) => lab.L.data[i] ?? 0));
  const a0 = median(ref.map((i) => lab.a.data[i] ?? 0));
  const meanL = boxBlur(lab.L, 3);
  const meanA = boxBlur(lab.a, 3);
  const vote = makePlane(width, height);
  for (let i = 0; i < hair.length; i++) {
    if (!zones.candidates[i]) continue;
    const ratio = (texture.data[i] ?? 0) / tex0;
    const coloured = Math.abs((meanL.data[i] ?? 0) - L0) >= 8 || a0 - (meanA.data[i] ?? 0) >= 3;
    if (ratio >= 4.5 || (ratio >= 2.5 && coloured)) vote.data[i] = 1;
  }
  const share = boxBlur(vote, 6);
  const region = makePlane(width, height);
  share.data.forEach((v, i) => (region.data[i] = v > 0.5 ? 1 : 0));
  const grown = boxBlur(region, 2);
  let lower = 0;
  let marked = 0;
  for (let i = 0; i < hair.length; i++) {
    if (!zones.candidates[i]) continue;
    lower++;
    if ((grown.data[i] ?? 0) > 0) {
      hair[i] = 1;
      marked++;
    }
  }
  if (marked < 0.3 * lower) hair.fill(0);
  return hair;
}

/**
 * A face-sized scene: smooth skin above `fromY` (the cheek reference), and below it patches of dark, rough
 * "beard" (strong fine texture) on smooth skin, starting right at the first candidate row.
 */
function scene(seed: number, width: number, height: number, fromY: number): { lab: LabPlanes; zones: HairZones } {
  const rng = makeSeededRandom(seed);
  const plane = (): Plane => makePlane(width, height);
  const lab: LabPlanes = { L: plane(), a: plane(), b: plane(), ei: plane(), logY: plane() };
  const reference = new Uint8Array(width * height);
  const candidates = new Uint8Array(width * height);
  const beard = (x: number, y: number) => y >= fromY && (Math.floor(x / 23) + Math.floor((y - fromY) / 17)) % 3 !== 0;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const rough = beard(x, y);
      lab.L.data[i] = (rough ? 35 : 62) + (rough ? 18 : 1.5) * (rng() - 0.5);
      lab.a.data[i] = (rough ? 8 : 14) + rng() - 0.5;
      if (y < fromY && y >= fromY - 40 && x > 10 && x < width - 10) reference[i] = 1;
      if (y >= fromY && x > 5 && x < width - 5) candidates[i] = 1;
    }
  }
  return { lab, zones: { fromY, reference, candidates } };
}

describe("facialHairMask's region vote over the lower rows only", () => {
  it.each([
    [1, 120, 160, 70.4],
    [2, 97, 131, 50],
    [3, 150, 90, 30.6],
  ])("marks the same pixels as blurring every plane whole (seed %i, %i×%i, from row %f)", (seed, w, h, fromY) => {
    const { lab, zones } = scene(seed, w, h, fromY);
    const expected = referenceMask(lab, zones);
    const got = facialHairMask(lab, zones);
    expect(expected.reduce((a, v) => a + v, 0)).toBeGreaterThan(0.3 * w * (h - fromY));
    expect(got).toEqual(expected);
  });
});
