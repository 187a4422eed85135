import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cameraFrames, fullColour, inputPathTable, libraryDefault, slightlyBlurred } from "./input-paths";
import { plantedPhoto } from "./planted-row-fixture";
import { encodeJpeg } from "./selfies";

describe("inputPathTable", () => {
  it("gives each later path's red recall against the first as a paired difference over the faces", () => {
    const base = [plantedPhoto("a", "dark", 5, 3), plantedPhoto("b", "dark", 5, 3)];
    const better = [plantedPhoto("a", "dark", 8, 3), plantedPhoto("b", "dark", 6, 3)];
    base.forEach((r, i) => (r.acne = { confidence: 0.9 - 0.2 * i, limitedBy: i ? "compression" : "blur" }));
    const table = inputPathTable([
      { path: "half", rows: base },
      { path: "full", rows: better },
    ]);
    // 50% → 70%; face a alone gains 30 points, face b alone 10: the resamples run from one to the other.
    expect(table).toContain("| half | 2/2 | 50% / 100% (40/80, fp 0) | – | 50% (40/80) |");
    expect(table).toContain("| full | 2/2 | 70% / 100% (56/80, fp 0) | +20.0 (10.0 to 30.0) | 70% (56/80) |");
    // The acne card's mean confidence, and how many photos it said compression or blur limits.
    expect(table).toMatch(/\| half \|.*\| 80% \(compression 1\/2, blur 1\/2\) \|$/m);
    expect(table).toMatch(/\| full \|.*\| – \|$/m);
  });

  it("compares a path the gate refuses more often on the photos both passed, not on other photos", () => {
    // Face a finds 8 of 10 as taken; b 2. Blurred, a finds 6 and b is refused: on a alone that is −20 points,
    // where comparing whatever passed would read 60% against 50%, a gain.
    const base = [plantedPhoto("a", "dark", 8, 3), plantedPhoto("b", "dark", 2, 3)];
    const refused = { ...plantedPhoto("b", "dark", 0, 0), ok: false };
    const table = inputPathTable([
      { path: "sharp", rows: base },
      { path: "blurred", rows: [plantedPhoto("a", "dark", 6, 3), refused] },
    ]);
    expect(table).toContain("| blurred | 1/2 | 60% / 100% (24/40, fp 0) | -20.0 (-20.0 to -20.0) |");
  });
});

describe("the encodings", () => {
  /** 64 × 48 RGB with a red 2 × 2 dot on skin. */
  const image = () => {
    const data = new Uint8Array(64 * 48 * 3);
    for (let i = 0; i < 64 * 48; i++) data.set(i === 24 * 64 + 33 ? [200, 90, 90] : [200, 150, 130], 3 * i);
    return { data, width: 64, height: 48 };
  };

  it("upload and camera paths both hand the analyzer a full-colour JPEG of the photo's size", async () => {
    for (const encode of [fullColour, cameraFrames(1.5)]) {
      const meta = await sharp(await encode(image())).metadata();
      expect([meta.format, meta.width, meta.height, meta.chromaSubsampling]).toEqual(["jpeg", 64, 48, "4:4:4"]);
    }
  });

  it("the library default is a half-colour JPEG at a lower quality than the planted tables' q92", async () => {
    const img = image();
    const bytes = await libraryDefault(img);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.chromaSubsampling]).toEqual(["jpeg", 64, 48, "4:2:0"]);
    expect(bytes.length).toBeLessThan((await encodeJpeg(img, 92)).length);
    expect(bytes.length).toBeGreaterThan((await encodeJpeg(img, 60)).length);
  });

  it("the slightly blurred photo spreads a dark dot into its neighbours, as the planted tables' q92 would not", async () => {
    const img = image();
    for (const [x, y] of [
      [32, 24],
      [33, 24],
      [32, 25],
      [33, 25],
    ] as const)
      img.data.set([90, 60, 50], 3 * (y * 64 + x));
    const darkness = async (bytes: Uint8Array, dx: number) => {
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      const i = (24 * info.width + 32 + dx) * info.channels;
      return 600 - (data[i] ?? 0) - (data[i + 1] ?? 0) - (data[i + 2] ?? 0);
    };
    const blurred = await slightlyBlurred(1.8)(img);
    const sharpJpeg = await encodeJpeg(img, 92);
    expect((await sharp(blurred).metadata()).chromaSubsampling).toBe("4:2:0");
    expect(await darkness(blurred, 0)).toBeLessThan((await darkness(sharpJpeg, 0)) - 50);
    expect(await darkness(blurred, 2)).toBeGreaterThan((await darkness(sharpJpeg, 2)) + 20);
  });
});
