import { beforeAll, describe, expect, it } from "vitest";
import { compressionFactor } from "./compression";
import { analyzeImage, warmUp } from "./index";
import { confidenceOf } from "./scores";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./testing/selfies";
import { COUNTED_REGIONS, wholeSkin } from "./testing/whole-skin";
import { withSourceQuality } from "../domain/jpeg-quality";

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

  it("costs dark spots, whose darkness JPEG keeps in luma, 0.4 of what it costs red lesions", () => {
    expect(compressionFactor(90, "pigmentation")).toBe(1);
    expect(compressionFactor(75, "pigmentation")).toBeCloseTo(0.88, 5);
    expect(compressionFactor(55, "pigmentation")).toBeCloseTo(0.8, 5);
    expect(compressionFactor(null, "pigmentation")).toBe(1);
  });
});

/** Only grain or compression can limit here: all skin, nothing blown, far from every grade edge. */
const context = wholeSkin(COUNTED_REGIONS);

describe("confidence of the counted scores", () => {
  it("falls with compression, and says it is why, for acne and pigmentation only", () => {
    // At q60 red lesions keep 0.55 of what q92 shows, dark spots 0.82 (compression.ts).
    for (const [key, kept] of [
      ["acne", 0.55],
      ["pigmentation", 0.82],
    ] as const) {
      const original = confidenceOf(context, key, 14, { pxPerMm: 10, jpegQuality: 92 });
      const compressed = confidenceOf(context, key, 14, { pxPerMm: 10, jpegQuality: 60 });
      expect(original.limitedBy).not.toBe("compression");
      expect(compressed.limitedBy).toBe("compression");
      expect(compressed.confidence / original.confidence).toBeCloseTo(kept, 1);
    }
    // From 85 up the upload step says nothing of compression, so the card does not name it either; it still counts.
    const mild = confidenceOf(context, "acne", 14, { pxPerMm: 10, jpegQuality: 86 });
    expect(mild.limitedBy).not.toBe("compression");
    expect(mild.confidence).toBeLessThan(
      confidenceOf(context, "acne", 14, { pxPerMm: 10, jpegQuality: 92 }).confidence,
    );
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

  it("reads a re-encode of a compressed file as compressed, from the quality the re-encode wrote down", async () => {
    const s = faces[0];
    if (!s) throw new Error("no dev face");
    const reencoded = await encodeJpeg(s.image, 92, "4:4:4");
    const plain = (await analyzeImage(reencoded)).scores?.acne;
    const tagged = (await analyzeImage(withSourceQuality(reencoded, 60))).scores?.acne;
    expect(plain?.limitedBy).not.toBe("compression");
    expect(tagged?.limitedBy).toBe("compression");
    expect(tagged?.confidence ?? 1).toBeLessThan(0.65 * (plain?.confidence ?? 0));
  });
});
