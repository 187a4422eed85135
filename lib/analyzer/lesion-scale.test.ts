import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { LESION_SCALE_FEATURES, lesionScaleFeatures } from "./lesion-scale";
import { attenuateAt, HAEMOGLOBIN } from "./testing/plant";

const SIZE = 48;
const at = (name: (typeof LESION_SCALE_FEATURES)[number]) => LESION_SCALE_FEATURES.indexOf(name);

/** A patch of mid skin with ±3 levels of seeded pixel noise, all of it face skin. */
function skin() {
  const random = makeSeededRandom(7);
  const rnd = () => (random() - 0.5) * 6;
  const data = new Uint8Array(SIZE * SIZE * 3);
  for (let i = 0; i < SIZE * SIZE; i++) {
    data[3 * i] = Math.round(200 + rnd());
    data[3 * i + 1] = Math.round(150 + rnd());
    data[3 * i + 2] = Math.round(130 + rnd());
  }
  return {
    width: SIZE,
    height: SIZE,
    image: { data, width: SIZE, height: SIZE },
    faceSkin: new Uint8Array(SIZE * SIZE).fill(1),
  };
}

/** A disc of absorbance `a` and radius `r` px at the patch's centre, in chromophore `k`. */
function plant(ctx: ReturnType<typeof skin>, k: readonly [number, number, number], r: number, a: number) {
  const c = SIZE / 2;
  attenuateAt(ctx.image, k, (x, y) => (Math.hypot(x + 0.5 - c, y + 0.5 - c) <= r ? a : 0), [0, 0, SIZE, SIZE]);
}

const features = (ctx: ReturnType<typeof skin>) =>
  lesionScaleFeatures(ctx, new Float32Array(SIZE * SIZE), SIZE / 2, SIZE / 2);

describe("lesionScaleFeatures", () => {
  it("stands a 1 mm haemoglobin papule (4 px across) far out of the skin's own texture", () => {
    const plain = features(skin());
    const ctx = skin();
    plant(ctx, HAEMOGLOBIN, 2, 0.6);
    const f = features(ctx);
    expect(Math.abs(plain[at("hbZ1")] ?? 0)).toBeLessThan(1.5);
    expect(f[at("hbZ1")]).toBeGreaterThan(5);
    expect(f[at("hbCos1")]).toBeGreaterThan(0.95);
  });

  it("tells haemoglobin from a grey shade dot of the same green density by its direction", () => {
    const red = skin();
    plant(red, HAEMOGLOBIN, 2, 0.6);
    const grey = skin();
    plant(grey, [0.55, 0.55, 0.55], 2, 0.6);
    const [fr, fg] = [features(red), features(grey)];
    expect(fr[at("hbCos1")]).toBeGreaterThan((fg[at("hbCos1")] ?? 0) + 0.05);
    expect(fr[at("hbAcross1")]).toBeLessThan(0.5 * (fg[at("hbAcross1")] ?? 0));
  });

  it("reads a 1 mm lesion as small and a 4 mm one as large (centre-over-wider contrast)", () => {
    const small = skin();
    plant(small, HAEMOGLOBIN, 2, 0.6);
    const large = skin();
    plant(large, HAEMOGLOBIN, 7.5, 0.6);
    expect(features(small)[at("hbSize")]).toBeGreaterThan(1);
    expect(features(large)[at("hbSize")]).toBeLessThan(0.5);
  });

  it("stays finite at the plane's corner and on a window with no face skin (the annulus fallback)", () => {
    const corner = skin();
    const noSkin = skin();
    noSkin.faceSkin.fill(0);
    const z = new Float32Array(SIZE * SIZE);
    for (const f of [lesionScaleFeatures(corner, z, 0.5, 0.5), lesionScaleFeatures(noSkin, z, SIZE / 2, SIZE / 2)]) {
      expect(f).toHaveLength(LESION_SCALE_FEATURES.length);
      for (const v of f) expect(Number.isFinite(v)).toBe(true);
    }
    // With no skin around it there is no texture to stand out of: the contrasts read 0.
    const f = lesionScaleFeatures(noSkin, z, SIZE / 2, SIZE / 2);
    expect(f[at("hbZ1")]).toBe(0);
    expect(f[at("hbZ2")]).toBe(0);
  });
});
