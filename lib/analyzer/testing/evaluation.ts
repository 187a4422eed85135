import {
  categoriseIta,
  SCORE_KEYS,
  TONE_CATEGORIES,
  type ScoreKey,
  type SkinReport,
  type ToneCategory,
} from "../../domain/skin-report";
import { analyzeImage } from "../analyze";
import type { RgbImage } from "../decode";
import { WARM_ROOM_GOOD_VARIANTS } from "./backdrops";
import { EVERYDAY_GOOD_VARIANTS, LIGHT_SKIN_GOOD_VARIANTS } from "./everyday-photos";
import { plantVaried, type PlantedLesion } from "./lesion-generator";
import { CASTS, DEFECTS, cast, exposure, type Cast } from "./lighting";
import { matchWithBaseline, type PlacedFinding } from "./own-features";
import { cloneImage, makeRng, matchFindings, retone } from "./plant";
import { addTally, emptyTally, type Tally } from "./planted-run";
import { brightFace, keyLight } from "./portrait-light";
import { encodeJpeg, type Selfie } from "./selfies";
import { STUDIO_GOOD_VARIANTS } from "./studio-light";
import { TWO_LIGHT_VARIANTS } from "./two-colour-light";
import { faceZones, ZONES, type Zone } from "./zones";

/** Melanin added before planting (absorbance units): spreads each face over the ITA groups. */
export const MELANIN_LEVELS = [0, 1.3, 2.6, 4] as const;

export type PlantedRow = {
  name: string;
  melanin: number;
  ok: boolean;
  issues: string[];
  tone: ToneCategory | null;
  lesions: Record<Zone | "all", Tally>;
  spots: Tally;
  /** Recall by planted diameter (whole mm, 1–3) and by peak contrast tercile, red lesions. */
  bySize: Record<string, Tally>;
  /** What the acne card said of its own confidence (absent: no scores, the gate refused the photo). */
  acne?: { confidence: number; limitedBy: string | null };
};

const zoneTallies = (): Record<Zone | "all", Tally> => ({
  all: emptyTally(),
  forehead: emptyTally(),
  cheeks: emptyTally(),
  nose: emptyTally(),
  chin: emptyTally(),
});

function found(report: SkinReport, type: "lesion" | "spot"): PlacedFinding[] {
  return report.findings
    .filter((f) => f.type === type)
    .map((f) => ({ x: f.x * report.image.width, y: f.y * report.image.height, r: f.r * report.image.width }));
}

/**
 * The same face and tone analysed before anything is planted: what it finds there are the face's own
 * features (own-features.ts). Empty when that photo is refused, which only makes the accounting stricter.
 */
async function baselineFindings(jpeg: Uint8Array): Promise<Record<"lesion" | "spot", PlacedFinding[]>> {
  const report = await analyzeImage(jpeg);
  return { lesion: found(report, "lesion"), spot: found(report, "spot") };
}

/**
 * Plants 12 red lesions (3 per zone where it has room) and 6 dark spots on each face at each tone, analyses, and matches.
 * Each face and tone is also analysed unplanted, so the tallies can name the face's own features.
 */
export async function evaluatePlanted(
  selfies: readonly Selfie[],
  seedBase: number,
  melaninLevels: readonly number[] = MELANIN_LEVELS,
  encode: (img: RgbImage) => Promise<Uint8Array> = (img) => encodeJpeg(img),
): Promise<PlantedRow[]> {
  const rows: PlantedRow[] = [];
  for (const [i, s] of selfies.entries()) {
    for (const melanin of melaninLevels) {
      const img = retone(s.image, melanin, s.face.mesh);
      const rng = makeRng(seedBase + 97 * i + Math.round(melanin * 10));
      const baseline = await baselineFindings(await encode(img));
      const lesions = plantVaried(img, s.face.mesh, { type: "lesion", count: 12, rng });
      const spots = plantVaried(img, s.face.mesh, { type: "spot", count: 6, rng, avoid: lesions });
      const report = await analyzeImage(await encode(img));
      const zones = faceZones(s.face.mesh);
      const row: PlantedRow = {
        name: s.name,
        melanin,
        ok: report.quality.ok,
        issues: report.quality.issues.map((q) => q.code),
        tone: report.tone?.category ?? null,
        lesions: zoneTallies(),
        bySize: {},
        spots: matchWithBaseline(spots, found(report, "spot"), baseline.spot),
        ...(report.scores
          ? { acne: { confidence: report.scores.acne.confidence, limitedBy: report.scores.acne.limitedBy ?? null } }
          : {}),
      };
      const lesionFindings = found(report, "lesion");
      for (const zone of ZONES) {
        const truth = lesions.filter((l: PlantedLesion) => l.zone === zone);
        const inZone = lesionFindings.filter((f) => zones.zoneOf(f.x, f.y) === zone);
        row.lesions[zone] = matchWithBaseline(truth, inZone, baseline.lesion);
      }
      row.lesions.all = matchWithBaseline(lesions, lesionFindings, baseline.lesion);
      // Recall only (a finding is not of a size): matched one at a time against all findings.
      for (const l of lesions) {
        const hit = matchFindings([l], lesionFindings).tp;
        for (const key of [
          `${Math.min(3, Math.floor(l.diameterMm))}–${Math.min(4, Math.floor(l.diameterMm) + 1)} mm`,
          `contrast ${l.strength < 0.67 ? "low" : l.strength < 0.83 ? "mid" : "high"}`,
        ]) {
          const t = row.bySize[key] ?? emptyTally();
          row.bySize[key] = { tp: t.tp + hit, fp: 0, fn: t.fn + 1 - hit };
        }
      }
      rows.push(row);
    }
  }
  return rows;
}

export function sumTallies<T>(rows: readonly T[], pick: (r: T) => Tally): Tally {
  return rows.reduce((t, r) => addTally(t, pick(r)), emptyTally());
}

/** ±15% exposure (sRGB ×1.15, ×0.85): a good photo must pass both, and the tone table shows how far ITA° follows. */
const EXPOSURES: ReadonlyArray<{ name: string; make: (j: Uint8Array) => Promise<Uint8Array> }> = [
  { name: "+15% exposure", make: exposure(1.15) },
  { name: "−15% exposure", make: exposure(0.85) },
];

export const GOOD_PHOTO_VARIANTS: ReadonlyArray<{ name: string; make: (j: Uint8Array) => Promise<Uint8Array> }> = [
  { name: "as taken", make: async (j) => j },
  ...EXPOSURES,
  ...(Object.keys(CASTS) as Cast[]).map((c) => ({ name: `${c} light`, make: cast(c) })),
  // Studio portrait light and a bright light-skinned face: good photos the dev faces, mostly evenly lit and
  // mid-exposed, did not show (portrait-light.ts).
  { name: "key light 3:1", make: keyLight(3) },
  { name: "key light 4:1", make: keyLight(4) },
  { name: "bright face +15%", make: brightFace },
  // Everyday conditions combined, beyond single perturbations (everyday-photos.ts).
  ...EVERYDAY_GOOD_VARIANTS,
  // Studio set-ups whose key throws the nose's shadow (studio-light.ts).
  ...STUDIO_GOOD_VARIANTS,
  // Light skin in bright light, and warm walls with and without warm light (everyday-photos.ts, backdrops.ts).
  ...LIGHT_SKIN_GOOD_VARIANTS,
  ...WARM_ROOM_GOOD_VARIANTS,
];

export type GateRow = { name: string; variant: string; codes: string[] };

/** Good photos under exposure and colour casts: how many are refused, and why. */
export async function evaluateFalseRejects(selfies: readonly Selfie[]): Promise<GateRow[]> {
  const rows: GateRow[] = [];
  for (const s of selfies) {
    const base = await encodeJpeg(s.image);
    for (const v of GOOD_PHOTO_VARIANTS) {
      const report = await analyzeImage(await v.make(base));
      rows.push({ name: s.name, variant: v.name, codes: report.quality.issues.map((q) => q.code) });
    }
  }
  return rows;
}

/** Each defect applied to each good photo: caught with the right code? */
export async function evaluateDefects(selfies: readonly Selfie[]): Promise<GateRow[]> {
  const rows: GateRow[] = [];
  for (const s of selfies) {
    const base = await encodeJpeg(s.image);
    for (const d of DEFECTS) {
      const report = await analyzeImage(await d.make(base));
      rows.push({ name: s.name, variant: d.name, codes: report.quality.issues.map((q) => q.code) });
    }
  }
  return rows;
}

export type ToneRow = {
  name: string;
  melanin: number;
  variant: string;
  ita: number | null;
  baseIta: number | null;
  groupShift: number | null;
};

const groupIndex = (ita: number) => TONE_CATEGORIES.indexOf(categoriseIta(ita));

/**
 * Lights the tone reading should see through: the four casts, and ±15% exposure, which the colour correction does not
 * undo (it keeps the light's luminance), so ITA° moves with it; the table shows how far.
 */
const TONE_LIGHTS: ReadonlyArray<{ name: string; make: (j: Uint8Array) => Promise<Uint8Array> }> = [
  ...(Object.keys(CASTS) as Cast[]).map((c) => ({ name: c, make: cast(c) })),
  ...EXPOSURES,
];

/** ITA° and tone group of each face (as taken and re-toned) under each light, against the same photo without it. */
export async function evaluateToneUnderLight(selfies: readonly Selfie[]): Promise<ToneRow[]> {
  const rows: ToneRow[] = [];
  for (const s of selfies) {
    for (const melanin of [0, 2.6]) {
      const base = await encodeJpeg(retone(s.image, melanin, s.face.mesh));
      const ref = (await analyzeImage(base)).tone?.ita ?? null;
      for (const light of TONE_LIGHTS) {
        const ita = (await analyzeImage(await light.make(base))).tone?.ita ?? null;
        rows.push({
          name: s.name,
          melanin,
          variant: light.name,
          ita,
          baseIta: ref,
          groupShift: ita === null || ref === null ? null : Math.abs(groupIndex(ita) - groupIndex(ref)),
        });
      }
    }
  }
  return rows;
}

export type TwoLightRow = {
  name: string;
  variant: string;
  /** Redness of the same face in its own (white) light; null when not measurable there. */
  white: { grade: number | null; raw: number } | null;
  /** Null when the gate refused the photo. */
  lit: { grade: number | null; raw: number } | null;
};

/**
 * Redness of each face under two lights of different colours (two-colour-light.ts) against the same face as
 * taken: the light's colour changes across the face, which the global correction cannot undo.
 */
export async function evaluateRednessUnderTwoLights(selfies: readonly Selfie[]): Promise<TwoLightRow[]> {
  const rows: TwoLightRow[] = [];
  const redness = (r: SkinReport) => (r.scores ? { grade: r.scores.redness.grade, raw: r.scores.redness.raw } : null);
  for (const s of selfies) {
    const base = await encodeJpeg(s.image);
    const white = redness(await analyzeImage(base));
    for (const v of TWO_LIGHT_VARIANTS)
      rows.push({ name: s.name, variant: v.name, white, lit: redness(await analyzeImage(await v.make(base))) });
  }
  return rows;
}

/** The "scale 0.8×" re-shoot's width (0.8× of the 1,024 px selfies), and the "shift 3%" re-shoot's cut. */
const RESHOOT_WIDTH = 820;
const shiftOf = (width: number) => Math.round(0.03 * width);

/**
 * A re-shot of the same face: small shift, scale, exposure and re-encoding, as two photos minutes apart. `toBase`
 * takes a point of the re-shot photo back to the reference shot's pixels (`width`: the reference's), for
 * diagnoses that follow one finding across shots.
 */
export const RESHOOTS: ReadonlyArray<{
  name: string;
  make: (j: Uint8Array) => Promise<Uint8Array>;
  toBase: (x: number, y: number, width: number) => [number, number];
}> = [
  {
    name: "JPEG q75",
    make: async (j) => new Uint8Array(await (await import("sharp")).default(j).jpeg({ quality: 75 }).toBuffer()),
    toBase: (x, y) => [x, y],
  },
  {
    name: "scale 0.8×",
    make: async (j) =>
      new Uint8Array(await (await import("sharp")).default(j).resize(RESHOOT_WIDTH).jpeg({ quality: 90 }).toBuffer()),
    toBase: (x, y, width) => [(x * width) / RESHOOT_WIDTH, (y * width) / RESHOOT_WIDTH],
  },
  {
    name: "shift 3%",
    make: async (j) => {
      const sharp = (await import("sharp")).default;
      const m = await sharp(j).metadata();
      const w = m.width ?? 1024;
      const h = m.height ?? 1024;
      const d = shiftOf(w);
      return new Uint8Array(
        await sharp(j)
          .extract({ left: d, top: d, width: w - d, height: h - d })
          .jpeg({ quality: 92 })
          .toBuffer(),
      );
    },
    toBase: (x, y, width) => [x + shiftOf(width), y + shiftOf(width)],
  },
  { name: "+8% exposure", make: exposure(1.08), toBase: (x, y) => [x, y] },
  { name: "−8% exposure", make: exposure(0.92), toBase: (x, y) => [x, y] },
];

export type RepeatRow = {
  name: string;
  reshoot: string;
  /** A null grade is "not measurable in this photo": its raw value is not a reading. */
  ref: Record<ScoreKey, { grade: number | null; raw: number } | null>;
  again: Record<ScoreKey, { grade: number | null; raw: number } | null>;
};

const pickScores = (r: SkinReport) =>
  Object.fromEntries(
    SCORE_KEYS.map((k) => [k, r.scores?.[k] ? { grade: r.scores[k].grade, raw: r.scores[k].raw } : null]),
  ) as RepeatRow["ref"];

/**
 * The `index`-th face of a split with what evaluateRepeatability plants on it: 8, 12 or 16 red lesions and 4, 7
 * or 10 dark spots (by index), every other face re-toned; `base` is the reference shot. Also what
 * `npm run diagnose:reshoot` plants, so the diagnosis sees the evaluation's faces.
 */
export async function plantForRepeat(
  s: Selfie,
  index: number,
  seedBase: number,
): Promise<{ base: Uint8Array; lesions: PlantedLesion[]; spots: PlantedLesion[]; melanin: number }> {
  const melanin = index % 2 ? 1.8 : 0;
  const img = retone(cloneImage(s.image), melanin, s.face.mesh);
  const rng = makeRng(seedBase + index);
  const lesions = plantVaried(img, s.face.mesh, {
    type: "lesion",
    count: 8 + (index % 3) * 4,
    rng,
    diameterMm: [1.5, 4],
    strength: [0.5, 0.9],
  });
  const spots = plantVaried(img, s.face.mesh, {
    type: "spot",
    count: 4 + (index % 3) * 3,
    rng,
    diameterMm: [2, 4],
    strength: [0.5, 0.9],
    avoid: lesions,
  });
  return { base: await encodeJpeg(img), lesions, spots, melanin };
}

/**
 * Faces with something to grade (planted lesions and spots, half of them re-toned), each re-shot five
 * ways. Grades are compared with the reference shot; raw differences give each score's spread.
 */
export async function evaluateRepeatability(selfies: readonly Selfie[], seedBase: number): Promise<RepeatRow[]> {
  const rows: RepeatRow[] = [];
  for (const [i, s] of selfies.entries()) {
    const { base } = await plantForRepeat(s, i, seedBase);
    const ref = await analyzeImage(base);
    for (const r of RESHOOTS) {
      const again = await analyzeImage(await r.make(base));
      rows.push({ name: s.name, reshoot: r.name, ref: pickScores(ref), again: pickScores(again) });
    }
  }
  return rows;
}
