import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import type { SkinReport } from "../domain/skin-report";
import { oilySheen } from "./testing/oily-sheen";
import { encodeJpeg, loadCleanSelfies } from "./testing/selfies";

beforeAll(warmUp);

const shineOf = (r: SkinReport) => {
  if (!r.scores) throw new Error(`gated: ${r.quality.issues.map((i) => i.code).join(",")}`);
  return r.scores.shine;
};

describe("shine reads an oily T-zone", () => {
  // Shine only counts lit skin against a lit-skin background (surface.ts), so a hat brim's edge is not shine; this
  // checks real highlights still are. Strong glints read 4.2–9.9 on these faces (the measure before the brim fix:
  // 7.5–21.6); a measure that stopped seeing highlights would read them as the bare face does.
  it.each([0, 1, 2, 3])("grades specular glints on forehead and nose ridge at least moderate (face %i)", async (k) => {
    const s = (await loadCleanSelfies())[k];
    if (!s) throw new Error("no selfie");
    const bare = shineOf(await analyzeImage(await encodeJpeg(s.image)));
    const oily = shineOf(await analyzeImage(await encodeJpeg(oilySheen(s.image, s.face))));
    expect(oily.grade).not.toBeNull();
    expect(oily.grade ?? 0).toBeGreaterThanOrEqual(2);
    expect(oily.raw).toBeGreaterThan(bare.raw + 3);
  });
});
