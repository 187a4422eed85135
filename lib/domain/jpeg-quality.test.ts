import encode from "jpeg-js/lib/encoder";
import sharp, { type JpegOptions } from "sharp";
import { describe, expect, it } from "vitest";
import { jpegHeaderSegments, jpegQuality, lowestJpegQuality, withSourceQuality } from "./jpeg-quality";

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
    // A table that runs past its segment; a length below its own two bytes; a precision that is neither 8 nor 16 bit.
    const short = withTables({ id: 0, entries: K1 });
    short[5] = 20;
    expect(jpegQuality(short)).toBeNull();
    const tiny = withTables({ id: 0, entries: K1 });
    tiny[5] = 1;
    expect(jpegQuality(tiny)).toBeNull();
    const odd = withTables({ id: 0, entries: K1 });
    odd[6] = 0x20;
    expect(jpegQuality(odd)).toBeNull();
  });

  it("steps over fill bytes and markers that stand alone, as a decoder does", () => {
    const plain = withTables({ id: 0, entries: K1 });
    // 0xFF fill before the table's marker, then a restart marker (no length) before the scan.
    const padded = new Uint8Array([
      ...plain.subarray(0, 2),
      0xff,
      0xff,
      ...plain.subarray(2, -2),
      0xff,
      0xd0,
      0xff,
      0xda,
    ]);
    expect(jpegQuality(padded)).toBe(50);
  });

  it("never throws on a damaged file, whichever bytes are hit", async () => {
    const good = withSourceQuality(await saved({ quality: 75 }), 60);
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 3000; round++) {
      const bytes = good.slice(0, 40 + (next() % (good.length - 40)));
      for (let k = 0; k < 4; k++) bytes[next() % Math.min(bytes.length, 700)] = next() % 256;
      expect(() => [jpegQuality(bytes), lowestJpegQuality(bytes), withSourceQuality(bytes, 50)]).not.toThrow();
      const q = lowestJpegQuality(bytes);
      expect(q === null || (Number.isInteger(q) && q >= 1 && q <= 100)).toBe(true);
    }
  });
});

describe("the source quality a re-encode writes", () => {
  it("is read back as the lowest quality the photo went through, and the file stays a JPEG of the same picture", async () => {
    const reencoded = await saved({ quality: 92, chromaSubsampling: "4:4:4" });
    const tagged = withSourceQuality(reencoded, 70);
    expect(jpegQuality(tagged)).toBe(92);
    expect(lowestJpegQuality(tagged)).toBe(70);
    expect(lowestJpegQuality(withSourceQuality(reencoded, 97))).toBe(92);
    expect(lowestJpegQuality(reencoded)).toBe(92);
    const meta = await sharp(tagged).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 48, 32]);
    const [a, b] = await Promise.all([reencoded, tagged].map((j) => sharp(j).raw().toBuffer()));
    expect(Buffer.compare(a ?? Buffer.alloc(0), b ?? Buffer.alloc(1))).toBe(0);
  });

  it("goes after a JFIF segment, which wants to be first, and says nothing for a quality that is not a number", () => {
    const rgba = new Uint8Array(16 * 16 * 4).fill(150);
    const app = new Uint8Array(encode({ data: rgba, width: 16, height: 16 }, 90).data);
    const tagged = withSourceQuality(app, 60);
    expect(
      jpegHeaderSegments(tagged)
        ?.map((g) => g.marker.toString(16))
        .slice(0, 2),
    ).toEqual(["e0", "fe"]);
    expect(lowestJpegQuality(tagged)).toBe(60);
    expect(withSourceQuality(app, Number.NaN)).toEqual(app);
  });

  it("reads only its own words: a near miss is no quality", async () => {
    const reencoded = await saved({ quality: 92 });
    const comment = (text: string) => {
      const payload = Array.from(text, (c) => c.charCodeAt(0));
      const length = payload.length + 2;
      return new Uint8Array([
        ...reencoded.subarray(0, 2),
        0xff,
        0xfe,
        length >> 8,
        length & 0xff,
        ...payload,
        ...reencoded.subarray(2),
      ]);
    };
    for (const text of [
      "skinsight source-quality=",
      "skinsight source-quality=10x",
      "skinsight source-quality=1000",
      "skinsight source-quality= 10",
      "Skinsight source-quality=10",
      `skinsight source-quality=10${" ".repeat(40)}`,
    ])
      expect(lowestJpegQuality(comment(text)), text).toBe(92);
    expect(lowestJpegQuality(comment("skinsight source-quality=10"))).toBe(10);
  });

  it("ignores other comments and leaves what is not a JPEG as it was", async () => {
    const reencoded = await saved({ quality: 92 });
    const other = new Uint8Array([
      ...reencoded.subarray(0, 2),
      0xff,
      0xfe,
      0,
      7,
      ...Array.from("q=10", (c) => c.charCodeAt(0)),
      0x20,
      ...reencoded.subarray(2),
    ]);
    expect(lowestJpegQuality(other)).toBe(92);
    const png = new Uint8Array(await tile.clone().png().toBuffer());
    expect(withSourceQuality(png, 50)).toEqual(png);
    expect(lowestJpegQuality(png)).toBeNull();
  });
});
