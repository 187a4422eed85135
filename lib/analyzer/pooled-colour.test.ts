import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import type { RgbImage } from "./decode";
import { pooledColour } from "./pooled-colour";
import { HAEMOGLOBIN, MELANIN, attenuateAt } from "./testing/plant";

const SIZE = 48;
const CENTRE = 24.3;

/** Skin-coloured patch with a little sensor noise and one 1 mm blob (radius 2 px) of a chromophore, through a q92 JPEG. */
async function blobThroughJpeg(k: readonly [number, number, number]): Promise<RgbImage> {
  const rng = makeSeededRandom(5);
  const data = new Uint8Array(SIZE * SIZE * 3);
  for (let i = 0; i < SIZE * SIZE; i++) {
    const n = 4 * (rng() - 0.5);
    data[3 * i] = 200 + n;
    data[3 * i + 1] = 150 + n;
    data[3 * i + 2] = 130 + n;
  }
  const img = { data, width: SIZE, height: SIZE };
  attenuateAt(img, k, (x, y) => (Math.hypot(x - CENTRE, y - CENTRE) <= 2 ? 0.8 : 0), [0, 0, SIZE, SIZE]);
  const jpeg = await sharp(data, { raw: { width: SIZE, height: SIZE, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
  const { data: decoded } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(decoded), width: SIZE, height: SIZE };
}

const ctxOf = (image: RgbImage) => ({
  width: SIZE,
  height: SIZE,
  image,
  faceSkin: new Uint8Array(SIZE * SIZE).fill(1),
});

describe("pooledColour", () => {
  it("tells a 1 mm red papule from a brown spot after 4:2:0 JPEG chroma subsampling", async () => {
    const red = pooledColour(ctxOf(await blobThroughJpeg(HAEMOGLOBIN)), CENTRE + 0.5, CENTRE + 0.5, 2);
    const brown = pooledColour(ctxOf(await blobThroughJpeg(MELANIN)), CENTRE + 0.5, CENTRE + 0.5, 2);
    // Haemoglobin absorbs green more than blue and reddens; melanin absorbs blue most.
    expect(red.greenShare).toBeGreaterThan(red.blueShare);
    expect(brown.blueShare).toBeGreaterThan(brown.greenShare);
    expect(red.redness).toBeGreaterThan(1);
    expect(red.redness).toBeGreaterThan(2 * brown.redness);
  });

  it("reads flat skin as no colour change", async () => {
    const flat = pooledColour(ctxOf(await blobThroughJpeg([0, 0, 0])), CENTRE + 0.5, CENTRE + 0.5, 2);
    expect(Math.abs(flat.redness)).toBeLessThan(0.5);
  });
});
