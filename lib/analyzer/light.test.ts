import { beforeAll, describe, expect, it } from "vitest";
import { itaDegrees } from "./color";
import { analyzeImage, warmUp } from "./index";
import { categoriseIta, TONE_CATEGORIES, type SkinReport } from "../domain/skin-report";
import { CASTS, DEFECTS, cast, exposure, lensGlare, type Cast } from "./testing/lighting";
import { makeRng, retone } from "./testing/plant";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./testing/selfies";

let selfies: Selfie[] = [];
beforeAll(async () => {
  await warmUp();
  selfies = await loadCleanSelfies();
});

const codes = (r: SkinReport) => r.quality.issues.map((i) => i.code);
const group = (r: SkinReport) => TONE_CATEGORIES.indexOf(r.tone?.category ?? "very-light");

describe("ITA°", () => {
  it("stays within [−90°, 90°] for any L* and b*, including b* ≤ 0 (atan2 gave 126.6 and −129.8)", () => {
    const rng = makeRng(11);
    for (let i = 0; i < 2000; i++) {
      const ita = itaDegrees(100 * rng(), 120 * rng() - 60);
      expect(ita).toBeGreaterThanOrEqual(-90);
      expect(ita).toBeLessThanOrEqual(90);
    }
  });

  it("reports whole degrees and derives the group from the value reported", async () => {
    for (const s of selfies.slice(0, 4)) {
      const tone = (await analyzeImage(await encodeJpeg(s.image))).tone;
      expect(tone).not.toBeNull();
      expect(Number.isInteger(tone?.ita)).toBe(true);
      expect(tone?.category).toBe(categoriseIta(tone?.ita ?? 0));
    }
  });
});

describe("the light's colour is read before tone", () => {
  it.each(Object.keys(CASTS) as Cast[])(
    "under %s light the tone group moves by at most one (as taken and re-toned darker)",
    async (name) => {
      for (const s of selfies) {
        for (const melanin of [0, 2.6]) {
          const base = await encodeJpeg(retone(s.image, melanin, s.face.mesh));
          const ref = await analyzeImage(base);
          const lit = await analyzeImage(await cast(name)(base));
          expect(lit.tone, `${s.name} ${melanin}`).not.toBeNull();
          expect(
            Math.abs(group(lit) - group(ref)),
            `${s.name} melanin ${melanin}: ITA ${ref.tone?.ita} → ${lit.tone?.ita}`,
          ).toBeLessThanOrEqual(1);
        }
      }
    },
  );

  it("refuses a light too coloured to correct with COLOR_CAST and a fix-it message", async () => {
    for (const s of selfies.slice(0, 3)) {
      const report = await analyzeImage(await cast("warm", 3)(await encodeJpeg(s.image)));
      expect(codes(report), s.name).toContain("COLOR_CAST");
      expect(report.quality.issues.find((i) => i.code === "COLOR_CAST")?.message).toMatch(/light/i);
      expect(report.scores).toBeNull();
    }
  });
});

describe("the gate refuses bad photos, not bright or warm ones", () => {
  const variants: Array<[string, (j: Uint8Array) => Promise<Uint8Array>]> = [
    ["+15% exposure", exposure(1.15)],
    ["−15% exposure", exposure(0.85)],
    ...(Object.keys(CASTS) as Cast[]).map((c): [string, (j: Uint8Array) => Promise<Uint8Array>] => [
      `${c} light`,
      cast(c),
    ]),
  ];

  it.each(variants)("accepts good photos at %s", async (_label, make) => {
    let refused = 0;
    const why: string[] = [];
    for (const s of selfies) {
      const report = await analyzeImage(await make(await encodeJpeg(s.image)));
      if (!report.quality.ok) {
        refused++;
        why.push(`${s.name}: ${codes(report).join(",")}`);
      }
    }
    // ≤ 1 of 8 per variant; over all six variants the eval reports the rate (target ≤ 5%).
    expect(refused, why.join("; ")).toBeLessThanOrEqual(1);
    expect(
      why.filter((w) => w.includes("OVEREXPOSED")),
      "a bright photo is not over-exposed",
    ).toEqual([]);
  });

  it.each(DEFECTS.map((d) => [d.name, d] as const))(
    "still refuses a photo %s with the right code",
    async (_name, defect) => {
      let caught = 0;
      for (const s of selfies.slice(0, 4)) {
        if (codes(await analyzeImage(await defect.make(await encodeJpeg(s.image)))).includes(defect.code as never))
          caught++;
      }
      expect(caught).toBeGreaterThanOrEqual(3);
    },
  );
});

describe("glasses", () => {
  it("glare on the lenses, bridge and nose pads does not read as shine", async () => {
    // Before lenses were measured in mm below the lids, a bridge glare raised one face's shine 0 → 1.
    for (const s of selfies) {
      const clean = (await analyzeImage(await encodeJpeg(s.image))).scores?.shine;
      const glared = (await analyzeImage(await encodeJpeg(lensGlare(s.image, s.face.mesh)))).scores?.shine;
      expect(clean).toBeDefined();
      expect(glared?.grade ?? 9, s.name).toBeLessThanOrEqual(clean?.grade ?? 0);
      expect(glared?.raw ?? 99, s.name).toBeLessThanOrEqual((clean?.raw ?? 0) + 0.25);
    }
  });
});
