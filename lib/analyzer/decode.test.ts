import { readFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AnalyzerInputError, analyzeImage } from "./index";
import { demoPhotoPath } from "./testing/selfies";

/** A valid PNG signature + IHDR that declares 30000×30000 (900 MP): a decompression bomb header. */
function pngBombHeader(): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "ascii");
  ihdr.writeUInt32BE(30000, 8);
  ihdr.writeUInt32BE(30000, 12);
  ihdr.writeUInt8(8, 16); // bit depth
  ihdr.writeUInt8(2, 17); // truecolour
  ihdr.writeUInt32BE(crc32(ihdr.subarray(4, 21)), 21);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]));
}

function pseudoRandomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function expectCode(bytes: Uint8Array, code: AnalyzerInputError["code"]): Promise<void> {
  const err = await analyzeImage(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AnalyzerInputError);
  expect((err as AnalyzerInputError).code).toBe(code);
}

describe("analyzeImage refuses bytes that are not a usable photo", () => {
  it("gives each kind of bad input its typed error", async () => {
    const jpeg = new Uint8Array(await readFile(demoPhotoPath(1)));
    const gif = new Uint8Array(
      await sharp({ create: { width: 400, height: 400, channels: 3, background: "#808080" } })
        .gif()
        .toBuffer(),
    );
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><circle cx="400" cy="400" r="300"/></svg>',
    );
    const cases: Array<[string, Uint8Array, AnalyzerInputError["code"]]> = [
      ["empty file", new Uint8Array(0), "EMPTY"],
      ["text file", new TextEncoder().encode("name,age\nalice,30\n"), "UNSUPPORTED_TYPE"],
      ["truncated JPEG", jpeg.subarray(0, Math.floor(jpeg.length / 2)), "CORRUPT"],
      ["PNG header declaring 30000×30000", pngBombHeader(), "TOO_MANY_PIXELS"],
      ["random bytes", pseudoRandomBytes(50_000), "UNSUPPORTED_TYPE"],
      ["SVG", svg, "UNSUPPORTED_TYPE"],
      ["GIF", gif, "UNSUPPORTED_TYPE"],
      ["over 15 MB", new Uint8Array(15 * 1024 * 1024 + 1).fill(0xff), "TOO_LARGE"],
    ];
    for (const [name, bytes, code] of cases) {
      await expect.soft(expectCode(bytes, code), name).resolves.toBeUndefined();
    }
  });

  it("refuses a photo under 320 px on its short side", async () => {
    const small = new Uint8Array(await sharp(demoPhotoPath(2)).resize(400, 300, { fit: "fill" }).jpeg().toBuffer());
    await expectCode(small, "TOO_SMALL");
  });

  it("refuses a real JPEG over 40 megapixels (sharp's limitInputPixels)", async () => {
    const huge = new Uint8Array(
      await sharp({ create: { width: 7000, height: 6000, channels: 3, background: "#a08070" } })
        .jpeg({ quality: 40 })
        .toBuffer(),
    );
    expect(huge.length).toBeLessThan(15 * 1024 * 1024);
    await expectCode(huge, "TOO_MANY_PIXELS");
  });

  it("refuses a JPEG whose magic bytes front a different payload", async () => {
    const fake = new Uint8Array([0xff, 0xd8, 0xff, ...new TextEncoder().encode("not really a jpeg at all")]);
    await expectCode(fake, "CORRUPT");
  });
});
