import { describe, expect, it } from "vitest";
import { checkImageFile, fitWithin, lightingHint, meanLuma, MAX_UPLOAD_BYTES } from "./image-processing";

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
