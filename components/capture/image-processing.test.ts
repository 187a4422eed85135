import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CAMERA_VIDEO,
  checkImageFile,
  drawToJpeg,
  encodeFullColourJpeg,
  fitWithin,
  lightingHint,
  meanLuma,
  MAX_UPLOAD_BYTES,
  sourceJpegQuality,
} from "./image-processing";
import { jpegSampling } from "../../e2e/support/jpeg-sampling";

describe("checkImageFile", () => {
  it.each([
    [{ type: "image/jpeg", size: 1000 }, null],
    [{ type: "image/png", size: MAX_UPLOAD_BYTES }, null],
    [{ type: "image/webp", size: 5 }, null],
    [{ type: "image/gif", size: 5 }, "WRONG_TYPE"],
    [{ type: "image/heic", size: 5 }, "WRONG_TYPE"],
    [{ type: "application/pdf", size: 5 }, "WRONG_TYPE"],
    [{ type: "image/jpeg", size: MAX_UPLOAD_BYTES + 1 }, "TOO_LARGE"],
  ])("%o → %s", (file, code) => {
    expect(checkImageFile(file)?.code ?? null).toBe(code);
  });

  it("says how big the refused file is", () => {
    expect(checkImageFile({ type: "image/png", size: 20 * 1024 * 1024 })?.message).toContain("20.0 MB");
  });
});

describe("drawToJpeg", () => {
  it.each([
    [300, 400],
    // Fitted within 1280 px it would be sent as 1280 × 26.
    [20000, 400],
  ])("refuses a %i × %i photo as too small before anything is drawn or sent", async (width, height) => {
    await expect(drawToJpeg({} as CanvasImageSource, width, height)).rejects.toMatchObject({ code: "TOO_SMALL" });
  });
});

describe("sourceJpegQuality", () => {
  const tile = sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 190, g: 130, b: 100 } } });
  const blob = (bytes: Uint8Array, type: string) => new Blob([new Uint8Array(bytes)], { type });

  it("reads the quality of the person's own JPEG, and nothing for other files", async () => {
    const q70 = new Uint8Array(await tile.clone().jpeg({ quality: 70 }).toBuffer());
    expect(await sourceJpegQuality(blob(q70, "image/jpeg"))).toBe(70);
    expect(
      await sourceJpegQuality(blob(new Uint8Array(await tile.clone().png().toBuffer()), "image/png")),
    ).toBeUndefined();
    expect(await sourceJpegQuality(blob(new Uint8Array([1, 2, 3]), "image/jpeg"))).toBeUndefined();
  });
});

describe("fitWithin", () => {
  it.each([
    [4000, 3000, { width: 1280, height: 960 }],
    [3000, 4000, { width: 960, height: 1280 }],
    [800, 600, { width: 800, height: 600 }],
    [1280, 1280, { width: 1280, height: 1280 }],
  ])("%i×%i", (w, h, expected) => {
    expect(fitWithin(w, h)).toEqual(expected);
  });
});

describe("lighting", () => {
  const frame = (value: number) => new Uint8ClampedArray([value, value, value, 255, value, value, value, 255]);
  it.each([
    [10, "too-dark"],
    [128, "ok"],
    [250, "too-bright"],
  ] as const)("luma %i → %s", (value, hint) => {
    expect(meanLuma(frame(value))).toBeCloseTo(value, 5);
    expect(lightingHint(meanLuma(frame(value)))).toBe(hint);
  });
});

describe("encodeFullColourJpeg", () => {
  /**
   * Skin-coloured 64 × 64 RGBA with a 2 × 2 px red dot every 8 px, each straddling four of 4:2:0's 2 × 2 colour
   * cells (a spot lands anywhere): colour detail finer than half resolution.
   */
  const onDot = (x: number, y: number) => x % 8 >= 1 && x % 8 <= 2 && y % 8 >= 1 && y % 8 <= 2;
  function dots(): Uint8ClampedArray {
    const rgba = new Uint8ClampedArray(64 * 64 * 4);
    for (let y = 0; y < 64; y++)
      for (let x = 0; x < 64; x++) rgba.set(onDot(x, y) ? [200, 90, 90, 255] : [200, 150, 130, 255], 4 * (64 * y + x));
    return rgba;
  }
  /** Mean red − green over the dots' pixels, decoded: how much of their redness survived. */
  async function dotRedness(jpeg: Uint8Array): Promise<number> {
    const { data } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    let sum = 0;
    let n = 0;
    for (let y = 0; y < 64; y++)
      for (let x = 0; x < 64; x++)
        if (onDot(x, y)) {
          sum += (data[3 * (64 * y + x)] ?? 0) - (data[3 * (64 * y + x) + 1] ?? 0);
          n++;
        }
    return sum / n;
  }

  it("keeps the colour at full resolution, so a 2 px spot keeps its redness", async () => {
    const jpeg = await encodeFullColourJpeg(dots(), 64, 64);
    const meta = await sharp(jpeg).metadata();
    expect([meta.format, meta.width, meta.height, meta.chromaSubsampling]).toEqual(["jpeg", 64, 64, "4:4:4"]);
    // What a browser's canvas writes below quality 1: the same pixels with colour at half resolution (≈ 59 here).
    const halved = await sharp(Buffer.from(dots()), { raw: { width: 64, height: 64, channels: 4 } })
      .removeAlpha()
      .jpeg({ quality: 90, chromaSubsampling: "4:2:0" })
      .toBuffer();
    // The e2e's reader of the frame header (it checks what the browser prepared) tells the two apart.
    expect([jpegSampling(jpeg), jpegSampling(halved)]).toEqual(["4:4:4", "4:2:0"]);
    const full = await dotRedness(jpeg);
    // Painted red − green: 110 on the dots, 50 on the skin around them.
    expect(full).toBeGreaterThan(95);
    expect(full - 50).toBeGreaterThan(1.5 * ((await dotRedness(new Uint8Array(halved))) - 50));
  });

  describe("in a Web Worker where the page has one", () => {
    type Reply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };
    /**
     * A stand-in Worker: answers each request with `reply` (or never, when null), or throws on construction. Its
     * postMessage transfers as a browser's does, so a buffer sent without copying leaves the page's pixels empty.
     */
    function stubWorker(reply: Reply | null | "throw") {
      const made: FakeWorker[] = [];
      class FakeWorker {
        onmessage: ((e: { data: Reply }) => void) | null = null;
        onerror: ((e: { message: string }) => void) | null = null;
        terminated = false;
        constructor(readonly url: URL) {
          if (reply === "throw") throw new Error("refused by the content security policy");
          made.push(this);
        }
        postMessage(message: unknown, transfer: Transferable[]) {
          structuredClone(message, { transfer });
          if (reply !== null && reply !== "throw") queueMicrotask(() => this.onmessage?.({ data: reply }));
        }
        terminate() {
          this.terminated = true;
        }
      }
      vi.stubGlobal("Worker", FakeWorker);
      return made;
    }
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    });
    const isFullColourJpeg = async (bytes: Uint8Array) => (await sharp(bytes).metadata()).chromaSubsampling === "4:4:4";

    it("returns the worker's bytes, and ends the worker", async () => {
      const made = stubWorker({ ok: true, bytes: Uint8Array.of(1, 2, 3) });
      expect(Array.from(await encodeFullColourJpeg(dots(), 64, 64))).toEqual([1, 2, 3]);
      expect(made.map((w) => [w.url.pathname.split("/").pop(), w.terminated])).toEqual([
        ["jpeg-encode.worker.ts", true],
      ]);
    });

    it("encodes in place, from pixels the worker did not take, when it fails or does not answer; ends it", async () => {
      const failed = stubWorker({ ok: false, message: "out of memory" });
      expect(await isFullColourJpeg(await encodeFullColourJpeg(dots(), 64, 64))).toBe(true);
      vi.useFakeTimers();
      const silent = stubWorker(null);
      const pending = encodeFullColourJpeg(dots(), 64, 64);
      await vi.advanceTimersByTimeAsync(10_000);
      const jpeg = await pending;
      expect(await isFullColourJpeg(jpeg)).toBe(true);
      // The skin around the dots, not an empty (transferred) buffer's black.
      const { data } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(150);
      expect([...failed, ...silent].map((w) => w.terminated)).toEqual([true, true]);
    });

    it("encodes in place when the worker cannot start", async () => {
      stubWorker("throw");
      expect(await isFullColourJpeg(await encodeFullColourJpeg(dots(), 64, 64))).toBe(true);
    });
  });
});

describe("CAMERA_VIDEO", () => {
  it("asks for frames at least 1.5× the photo sent, so their half-resolution colour comes back when scaled down", () => {
    const photo = fitWithin(CAMERA_VIDEO.width.ideal, CAMERA_VIDEO.height.ideal);
    expect(CAMERA_VIDEO.width.ideal / photo.width).toBeGreaterThanOrEqual(1.5);
    expect(CAMERA_VIDEO.height.ideal / photo.height).toBeGreaterThanOrEqual(1.5);
    // 4:3, the shape of the 1280 × 960 photo the camera view asked for before.
    expect(CAMERA_VIDEO.width.ideal / CAMERA_VIDEO.height.ideal).toBeCloseTo(4 / 3, 9);
  });
});
