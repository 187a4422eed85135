import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { ImageStorage, MAX_UPLOAD_BYTES, reencodeImage, sniffImage } from "./storage";
import { jpegHeaderSegments, jpegQuality, lowestJpegQuality } from "../domain/jpeg-quality";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const solid = (format: "jpeg" | "png" | "webp") =>
  sharp({ create: { width: 800, height: 400, channels: 3, background: "#c08060" } })
    [format]()
    .toBuffer();

describe("sniffImage", () => {
  it.each(["jpeg", "png", "webp"] as const)("recognises %s by its bytes", async (format) => {
    expect(sniffImage(await solid(format))).toBe(`image/${format}`);
  });

  it.each([
    ["text", new TextEncoder().encode("hello world, not an image")],
    ["empty", new Uint8Array()],
    ["gif", new TextEncoder().encode("GIF89a......")],
    ["RIFF that is not WebP", new TextEncoder().encode("RIFF....WAVEfmt ")],
  ])("refuses %s", (_name, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });
});

describe("reencodeImage", () => {
  it("writes a JPEG without EXIF, GPS or ICC metadata, upright", async () => {
    // Orientation 6 = rotate 90°: an 800×400 source must come out 400×800.
    const tagged = await sharp(await solid("jpeg"))
      .withExif({ IFD0: { Make: "PhoneCo" }, IFD3: { GPSLatitudeRef: "N" } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const before = await sharp(tagged).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    const out = await reencodeImage(tagged);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([400, 800]);
    // Colour at full resolution: the analyzer reads 1–2 mm spots' redness from it.
    expect(meta.chromaSubsampling).toBe("4:4:4");
  });

  it("keeps saying how compressed the file it re-encoded was, as the cloud's untouched bytes would", async () => {
    const saved = async (quality: number) =>
      reencodeImage(
        await sharp(await solid("png"))
          .jpeg({ quality })
          .toBuffer(),
      );
    const compressed = await saved(70);
    expect(jpegQuality(compressed)).toBe(92);
    expect(lowestJpegQuality(compressed)).toBe(70);
    expect((await sharp(compressed).metadata()).format).toBe("jpeg");
    // A file saved above the re-encode's own quality, or not a JPEG, loses nothing to it worth saying: no comment.
    const comments = (jpeg: Uint8Array) => (jpegHeaderSegments(jpeg) ?? []).filter((g) => g.marker === 0xfe).length;
    expect(comments(compressed)).toBe(1);
    for (const plain of [await saved(97), await reencodeImage(await solid("png"))]) {
      expect(comments(plain)).toBe(0);
      expect(lowestJpegQuality(plain)).toBe(92);
    }
  });

  it("refuses non-images, oversized uploads and corrupt images with their own codes", async () => {
    await expect(reencodeImage(new TextEncoder().encode("nope"))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA" });
    await expect(reencodeImage(new Uint8Array(MAX_UPLOAD_BYTES + 1))).rejects.toMatchObject({ code: "TOO_LARGE" });
    await expect(reencodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]))).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      reason: "PHOTO_UNREADABLE",
    });
  });

  it("says a small file of more pixels than any camera takes is too large, not damaged", async () => {
    const bomb = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    await expect(reencodeImage(bomb)).rejects.toMatchObject({ code: "TOO_LARGE", reason: "PHOTO_TOO_MANY_PIXELS" });
  });

  it.each([
    [1, 1],
    [319, 1000],
  ])("says a %i×%i photo is too small, not that its format is wrong", async (width, height) => {
    const png = await sharp({ create: { width, height, channels: 3, background: "#c08060" } })
      .png()
      .toBuffer();
    const refused = reencodeImage(png);
    await expect(refused).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/too small/),
      reason: "PHOTO_TOO_SMALL",
    });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringMatching(/JPEG, PNG or WebP/) });
  });
});

describe("ImageStorage", () => {
  it("stores under uploads/<user>/<analysis>.jpg and refuses keys outside uploads/", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skinsight-storage-"));
    dirs.push(dir);
    const storage = new ImageStorage(dir);
    const key = storage.keyFor("user-1", "analysis-1");
    expect(key).toBe("uploads/user-1/analysis-1.jpg");
    await storage.write(key, Buffer.from("jpeg bytes"));
    expect((await storage.read(key))?.toString()).toBe("jpeg bytes");
    await storage.remove(key);
    expect(await storage.read(key)).toBeNull();
    for (const bad of ["../skinsight.db", "uploads/../skinsight.db", "/etc/passwd", "uploads/../../x"]) {
      await expect(storage.read(bad)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
