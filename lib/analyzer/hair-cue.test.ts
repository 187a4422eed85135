import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { HAIR_CUE_FEATURES, hairCueFeatures } from "./hair-cue";
import { gaussianBlur, type Plane } from "./planes";

const SIZE = 48;
const C = SIZE / 2;
const at = (name: (typeof HAIR_CUE_FEATURES)[number]) => HAIR_CUE_FEATURES.indexOf(name);

/** A darkness-contrast plane (% darker) of ±0.5 seeded noise plus `shape`, blurred by σ 1.5 px as lesions.ts does. */
function darkness(shape: (x: number, y: number) => number): Plane {
  const random = makeSeededRandom(11);
  const data = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) data[y * SIZE + x] = shape(x + 0.5, y + 0.5) + (random() - 0.5);
  return gaussianBlur({ data, width: SIZE, height: SIZE }, 1.5);
}

const noise: Plane = { data: new Float32Array(SIZE * SIZE).fill(1), width: SIZE, height: SIZE };
const noHair = new Uint8Array(SIZE * SIZE);
const cue = (p: Plane, hair = noHair) => hairCueFeatures(p, noise, hair, C, C, 3);

/** A 3 px radius spot, 10% darker. */
const spot = darkness((x, y) => (Math.hypot(x - C, y - C) <= 3 ? 10 : 0));
/** A hair 2 px wide through the centre, at 30°, as dark. */
const hair = darkness((x, y) =>
  Math.abs((x - C) * Math.sin(Math.PI / 6) - (y - C) * Math.cos(Math.PI / 6)) <= 1 ? 10 : 0,
);
/** A brow's lower edge: everything above the centre row 10% darker. */
const edge = darkness((_x, y) => (y < C + 1 ? 10 : 0));

describe("hairCueFeatures", () => {
  it("reads a compact spot as isotropic: low coherence, nothing along it, no one-sided edge", () => {
    const f = cue(spot);
    expect(f[at("hairCoherence")]).toBeLessThan(0.3);
    expect(Math.abs(f[at("hairAlong")] ?? NaN)).toBeLessThan(1.5);
    expect(f[at("hairEdge")]).toBeLessThan(1.5);
  });

  it("reads a hair through the candidate as a line: coherent, and dark along it beyond the blob", () => {
    const f = cue(hair);
    expect(f[at("hairCoherence")]).toBeGreaterThan(0.7);
    // The 2 px line blurred by σ 1.5 px peaks near half its 10%, read on whole pixels beside its axis.
    expect(f[at("hairAlong")]).toBeGreaterThan(2);
    expect(f[at("hairEdge")]).toBeLessThan(1.5);
  });

  it("reads a brow's edge as coherent and dark on one side only", () => {
    const f = cue(edge);
    expect(f[at("hairCoherence")]).toBeGreaterThan(0.7);
    expect(f[at("hairEdge")]).toBeGreaterThan(5);
  });

  it("counts the beard mask's share around the candidate", () => {
    const beard = new Uint8Array(SIZE * SIZE);
    for (let y = C; y < SIZE; y++) beard.fill(1, y * SIZE, (y + 1) * SIZE);
    expect(cue(spot)[at("hairShare")]).toBe(0);
    const share = cue(spot, beard)[at("hairShare")] ?? NaN;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });
});
