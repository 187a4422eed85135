import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { SCORE_KEYS, type SkinReport } from "../domain/skin-report";
import { cloneImage, makeRng, plant } from "./testing/plant";
import { encodeJpeg, loadCleanSelfies } from "./testing/selfies";

const PERTURBATIONS: Array<[string, (jpeg: Uint8Array) => Promise<Buffer>]> = [
  ["JPEG q70", (j) => sharp(j).jpeg({ quality: 70 }).toBuffer()],
  ["resize 0.75×", async (j) => sharp(j).resize(768).jpeg({ quality: 92 }).toBuffer()],
  ["exposure +10%", (j) => sharp(j).linear(1.1, 0).jpeg({ quality: 92 }).toBuffer()],
  ["exposure −10%", (j) => sharp(j).linear(0.9, 0).jpeg({ quality: 92 }).toBuffer()],
];

describe("grade stability under re-encoding, resizing and exposure", () => {
  const rows: Array<{ name: string; perturbation: string; same: number; total: number; changed: string[] }> = [];

  beforeAll(async () => {
    await warmUp();
    const selfies = await loadCleanSelfies();
    for (const [i, s] of selfies.entries()) {
      // Half of the photos carry planted lesions, so acne and pigmentation grades are not all zero.
      const img = cloneImage(s.image);
      if (i % 2 === 0) {
        const rng = makeRng(4000 + i);
        const lesions = plant(img, s.face.mesh, {
          type: "lesion",
          count: 14,
          regions: ["leftCheek", "rightCheek", "forehead", "chin"],
          radius: [6, 11],
          strength: [0.6, 0.9],
          rng,
        });
        plant(img, s.face.mesh, {
          type: "spot",
          count: 5,
          regions: ["leftCheek", "rightCheek", "forehead"],
          radius: [7, 14],
          strength: [0.7, 1.0],
          rng,
          avoid: lesions,
        });
      }
      const base = await encodeJpeg(img);
      const ref = await analyzeImage(base);
      if (!ref.scores) throw new Error(`${s.name} failed the gate: ${ref.quality.issues.map((x) => x.code).join(",")}`);
      for (const [label, perturb] of PERTURBATIONS) {
        const report: SkinReport = await analyzeImage(new Uint8Array(await perturb(base)));
        const changed = SCORE_KEYS.filter((k) => report.scores?.[k].grade !== ref.scores?.[k].grade).map(
          (k) => `${k} ${ref.scores?.[k].grade}→${report.scores?.[k].grade ?? "gated"}`,
        );
        rows.push({
          name: s.name,
          perturbation: label,
          same: SCORE_KEYS.length - changed.length,
          total: SCORE_KEYS.length,
          changed,
        });
      }
    }
  });

  // The target for a re-shot face is ≥ 90% (npm run eval:analyzer reports it on held-out faces).
  it("keeps the 0–3 grade in at least 90% of score × image pairs", () => {
    const same = rows.reduce((a, r) => a + r.same, 0);
    const total = rows.reduce((a, r) => a + r.total, 0);
    console.info(
      [
        `grade agreement ${same}/${total} = ${((100 * same) / total).toFixed(1)}%`,
        ...rows.filter((r) => r.changed.length).map((r) => `  ${r.name} ${r.perturbation}: ${r.changed.join(", ")}`),
      ].join("\n"),
    );
    expect(total).toBe(8 * PERTURBATIONS.length * SCORE_KEYS.length);
    expect(same / total).toBeGreaterThanOrEqual(0.9);
  });
});
