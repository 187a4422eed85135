import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { SMALL_PEAK, smallRedPlane } from "./small-red";
import { attenuateAt, HAEMOGLOBIN } from "./testing/plant";

const SIZE = 64;
const C = SIZE / 2;

/** Mid skin with ±3 levels of seeded pixel noise, plus `ramp` levels of shading per px from left to right. */
function skin(ramp = 0) {
  const random = makeSeededRandom(11);
  const rnd = () => (random() - 0.5) * 6;
  const data = new Uint8Array(SIZE * SIZE * 3);
  for (let i = 0; i < SIZE * SIZE; i++) {
    const shade = -ramp * ((i % SIZE) - C);
    data[3 * i] = Math.round(200 + shade + rnd());
    data[3 * i + 1] = Math.round(150 + shade + rnd());
    data[3 * i + 2] = Math.round(130 + shade + rnd());
  }
  return { data, width: SIZE, height: SIZE };
}

function plant(image: ReturnType<typeof skin>, r: number, a: number) {
  attenuateAt(image, HAEMOGLOBIN, (x, y) => (Math.hypot(x + 0.5 - C, y + 0.5 - C) <= r ? a : 0), [0, 0, SIZE, SIZE]);
}

/** The plane's largest value within `reach` px of the centre, and its largest beyond 16 px of it (clear of any lesion's annulus). */
function peaks(image: ReturnType<typeof skin>, reach = 2) {
  const z = smallRedPlane(image).data;
  let near = -Infinity;
  let far = -Infinity;
  for (let y = 6; y < SIZE - 6; y++)
    for (let x = 6; x < SIZE - 6; x++) {
      const d = Math.hypot(x + 0.5 - C, y + 0.5 - C);
      const v = z[y * SIZE + x] ?? 0;
      if (d <= reach) near = Math.max(near, v);
      if (d > 16) far = Math.max(far, v);
    }
  return { near, far };
}

describe("smallRedPlane", () => {
  it("lifts a 1 mm haemoglobin papule (4 px across) above the candidate peak, and plain skin's noise stays below it", () => {
    const plain = peaks(skin());
    const image = skin();
    plant(image, 2, 0.5);
    const lesion = peaks(image);
    expect(Math.max(plain.near, plain.far)).toBeLessThan(SMALL_PEAK);
    expect(lesion.near).toBeGreaterThan(SMALL_PEAK);
    expect(lesion.far).toBeLessThan(SMALL_PEAK);
  });

  it("reads a faint 1 mm papule higher than a 4 mm lesion of the same absorbance (it is tuned to the small scale)", () => {
    const small = skin();
    plant(small, 2, 0.25);
    const large = skin();
    plant(large, 7.5, 0.25);
    expect(peaks(small).near).toBeGreaterThan(peaks(large, 8).near);
  });

  it("gives no peak on a smooth shading gradient (centre minus a symmetric annulus cancels it)", () => {
    const { near, far } = peaks(skin(1));
    expect(Math.max(near, far)).toBeLessThan(SMALL_PEAK);
  });
});
