import encode from "jpeg-js/lib/encoder";
import sharp, { type JpegOptions } from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { compressionFactor, jpegQuality } from "./jpeg-quality";
import { confidenceOf } from "./scores";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./testing/selfies";
import type { RegionName } from "../domain/skin-report";

const tile = sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 190, g: 130, b: 100 } } });
const saved = async (options: JpegOptions) => new Uint8Array(await tile.clone().jpeg(options).toBuffer());

/** A JPEG's start and one DQT segment holding `tables` (each: precision/id byte, then 64 entries). */
function withTables(...tables: Array<{ id: number; wide?: boolean; entries: number[] }>): Uint8Array {
  const body = tables.flatMap(({ id, wide, entries }) => [
    (wide ? 0x10 : 0) | id,
    ...entries.flatMap((v) => (wide ? [v >> 8, v & 0xff] : [v])),
  ]);
  const length = body.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xdb, length >> 8, length & 0xff, ...body, 0xff, 0xda]);
}
/** ITU-T T.81 table K.1: the luminance table a quality-50 file carries unscaled. */
const K1 = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];

describe("jpegQuality", () => {
  it("reads back the quality libjpeg saved at, whatever the colour's resolution", async () => {
    for (const quality of [30, 55, 75, 85, 92, 98])
      for (const chromaSubsampling of ["4:2:0", "4:4:4"])
        expect(jpegQuality(await saved({ quality, chromaSubsampling })), `q${quality} ${chromaSubsampling}`).toBe(
          quality,
        );
  });

  it("reads the app's own upload (jpeg-js at 90) as 90", () => {
    const rgba = new Uint8Array(32 * 32 * 4).fill(160);
    expect(jpegQuality(new Uint8Array(encode({ data: rgba, width: 32, height: 32 }, 90).data))).toBe(90);
  });

  it("reads the luminance table (id 0) whichever comes first, in 8 or 16 bits", () => {
    const coarse = K1.map((v) => Math.min(255, 2 * v));
    expect(jpegQuality(withTables({ id: 1, entries: coarse }, { id: 0, entries: K1 }))).toBe(50);
    expect(jpegQuality(withTables({ id: 0, wide: true, entries: K1.map((v) => 4 * v) }))).toBe(13);
  });

  it("says nothing, without throwing, for other formats and broken files", async () => {
    expect(jpegQuality(new Uint8Array(await tile.clone().png().toBuffer()))).toBeNull();
    expect(jpegQuality(new Uint8Array(await tile.clone().webp().toBuffer()))).toBeNull();
    const good = await saved({ quality: 75 });
    for (const bytes of [new Uint8Array(0), new Uint8Array([0xff, 0xd8]), good.slice(0, 30), good.slice(2)])
      expect(jpegQuality(bytes)).toBeNull();
    // A table that runs past its segment.
    const short = withTables({ id: 0, entries: K1 });
    short[5] = 20;
    expect(jpegQuality(short)).toBeNull();
  });
});

describe("compressionFactor", () => {
  it("is whole from the app's quality up, falls as dev's plantings lost lesions, and keeps a floor", () => {
    expect(compressionFactor(null)).toBe(1);
    expect(compressionFactor(95)).toBe(1);
    expect(compressionFactor(90)).toBe(1);
    expect(compressionFactor(85)).toBeCloseTo(0.9, 5);
    expect(compressionFactor(75)).toBeCloseTo(0.7, 5);
    expect(compressionFactor(65)).toBeCloseTo(0.6, 5);
    expect(compressionFactor(10)).toBe(0.4);
  });
});

const REGIONS: RegionName[] = ["forehead", "leftCheek", "rightCheek", "nose", "chin"];
/** Five regions of 10,000 px, all skin, nothing blown, far from every grade edge: only compression can limit. */
const context = {
  stats: Object.fromEntries(REGIONS.map((r) => [r, { n: 10_000, L: 60, a: 12, b: 15, ei: 40 }])),
  areas: Object.fromEntries(REGIONS.map((r) => [r, 10_000])),
  blownAreas: {},
};

describe("confidence of the counted scores", () => {
  it("falls with compression, and says it is why, for acne and pigmentation only", () => {
    for (const key of ["acne", "pigmentation"] as const) {
      const original = confidenceOf(context, key, 14, { pxPerMm: 10, jpegQuality: 92 });
      const compressed = confidenceOf(context, key, 14, { pxPerMm: 10, jpegQuality: 60 });
      expect(original.limitedBy).not.toBe("compression");
      expect(compressed.limitedBy).toBe("compression");
      expect(compressed.confidence).toBeLessThan(0.6 * original.confidence);
    }
    // A count already in the top band is not in doubt: compression can only have lowered it.
    expect(confidenceOf(context, "acne", 30, { pxPerMm: 10, jpegQuality: 60 }).limitedBy).not.toBe("compression");
    const redness = (jpegQuality: number) => confidenceOf(context, "redness", 3, { pxPerMm: 10, jpegQuality });
    expect(redness(60)).toEqual(redness(92));
  });
});

describe("a strongly compressed photo", () => {
  let faces: Selfie[] = [];
  beforeAll(async () => {
    await warmUp();
    // Dev faces whose acne confidence is high at q92 (0.86–0.93): nothing but compression to lower it.
    faces = (await loadCleanSelfies()).filter((s) => s.name === "sample3-face2" || s.name === "sample6-face4");
  }, 120_000);

  it("reads acne with less confidence, limited by compression, than the same photo saved at 92", async () => {
    expect(faces).toHaveLength(2);
    for (const s of faces) {
      const [original, compressed] = await Promise.all(
        [92, 60].map(async (q) => (await analyzeImage(await encodeJpeg(s.image, q))).scores?.acne),
      );
      expect(original?.limitedBy, s.name).not.toBe("compression");
      expect(compressed?.limitedBy, s.name).toBe("compression");
      expect(compressed?.confidence ?? 1, s.name).toBeLessThan(0.65 * (original?.confidence ?? 0));
    }
  });
});
