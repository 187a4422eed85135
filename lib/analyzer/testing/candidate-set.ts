import sharp from "sharp";
import { findDarkCandidates, findRedCandidates } from "../candidates";
import { decodePhoto } from "../decode";
import { cropFace, cropToWork, findFaces } from "../face-crop";
import { computeSignals, detectDarkSpots, detectRedLesions } from "../lesions";
import { buildSkinContext } from "../skin-context";
import { plantVaried, type PlantedLesion } from "./lesion-generator";
import { exposure } from "./lighting";
import { makeRng, retone } from "./plant";
import { encodeJpeg, type Chroma, type Selfie } from "./selfies";

/** One candidate as the training script sees it: where it is in photo px, its features. */
export type LabelledCandidate = { x: number; y: number; r: number; features: number[] };

/** One analysed photo: what was planted (photo px) and every candidate of each kind. */
export type CandidatePhoto = {
  face: string;
  melanin: number;
  variant: string;
  truth: Array<Pick<PlantedLesion, "type" | "x" | "y" | "r" | "zone" | "diameterMm">>;
  red: LabelledCandidate[];
  dark: LabelledCandidate[];
  /**
   * The dark-spot findings of the same photo (same tone, same re-shoot) without planting, as the shipped model
   * makes them (photo px): the face's own moles, freckles and stubble dots, which the evaluation's "excl. own
   * features" precision sets aside. The fit leaves the candidates on them out ("don't care"). Absent in old caches.
   */
  ownDark?: Array<Pick<LabelledCandidate, "x" | "y" | "r">>;
};

/**
 * Variants of each planted photo: as taken, two re-shoots (the classifier must hold across them), and as the app
 * uploads it, with full-resolution colour (4:4:4), whose lesions are redder than a 4:2:0 file's.
 */
const VARIANTS: ReadonlyArray<{
  name: string;
  scale: number;
  from: Chroma;
  make: (j: Uint8Array) => Promise<Uint8Array>;
}> = [
  { name: "as taken", scale: 1, from: "4:2:0", make: async (j) => j },
  {
    name: "scale 0.8×",
    scale: 820 / 1024,
    from: "4:2:0",
    make: async (j) => new Uint8Array(await sharp(j).resize(820).jpeg({ quality: 90 }).toBuffer()),
  },
  { name: "−8% exposure", scale: 1, from: "4:2:0", make: exposure(0.92) },
  { name: "full colour", scale: 1, from: "4:4:4", make: async (j) => j },
];

async function bothChromas(img: Parameters<typeof encodeJpeg>[0]): Promise<Record<Chroma, Uint8Array>> {
  return { "4:2:0": await encodeJpeg(img), "4:4:4": await encodeJpeg(img, 92, "4:4:4") };
}

/**
 * What the candidate detectors read for one shot, as the analyzer makes it: decoded, the first face cut out, its skin
 * context and signals; `scale` is crop px per photo px. Null when no face is found.
 */
export async function detectorInputs(jpeg: Uint8Array) {
  const photo = await decodePhoto(jpeg);
  const face = (await findFaces(photo.work))[0];
  if (!face) return null;
  const crop = await cropFace(photo.work, face);
  const ctx = buildSkinContext(crop);
  return { photo, crop, ctx, s: computeSignals(ctx), scale: crop.scale * photo.workScale };
}

export type DetectorInputs = NonNullable<Awaited<ReturnType<typeof detectorInputs>>>;

/** A candidate found in the skin context's window, placed in the photo's pixels (centre and radius). */
export function inPhotoPixels(inputs: DetectorInputs, c: LabelledCandidate): LabelledCandidate {
  const { photo, crop, ctx, scale } = inputs;
  const [x, y] = cropToWork(crop, c.x + ctx.origin.x, c.y + ctx.origin.y);
  return { x: x / photo.workScale, y: y / photo.workScale, r: c.r / scale, features: c.features };
}

async function candidatesOf(jpeg: Uint8Array): Promise<Pick<CandidatePhoto, "red" | "dark"> | null> {
  const inputs = await detectorInputs(jpeg);
  if (!inputs) return null;
  const { ctx, s } = inputs;
  const toPhoto = (c: LabelledCandidate) => inPhotoPixels(inputs, c);
  return {
    red: findRedCandidates(ctx, s).map(toPhoto),
    dark: findDarkCandidates(ctx, s).map(toPhoto),
  };
}

/** The unplanted photo's dark-spot findings in photo px (see CandidatePhoto.ownDark); null when no face is found. */
async function ownDarkOf(jpeg: Uint8Array): Promise<CandidatePhoto["ownDark"] | null> {
  const inputs = await detectorInputs(jpeg);
  if (!inputs) return null;
  const { ctx, s } = inputs;
  const dark = detectDarkSpots(ctx, s, detectRedLesions(ctx, s));
  return dark.map((c) => {
    const { x, y, r } = inPhotoPixels(inputs, c);
    return { x, y, r };
  });
}

/** Own features per face, tone and re-shoot: the unplanted photo is the same for every seed. */
const ownCache = new Map<string, CandidatePhoto["ownDark"] | null>();

/**
 * What to plant besides the defaults: a spot absorbance range (default the evaluation's 0.4–0.9) and
 * only the photo as taken (default: as taken and re-shot), with `tag` appended to the variant's name so
 * the fit can tell these photos apart.
 */
export type CollectOptions = { spotStrength?: [number, number]; asTakenOnly?: boolean; tag?: string };

/**
 * Plants lesions and spots with the evaluation's generator on each face at each melanin level and seed,
 * and records every candidate. Seeds differ from the evaluation's so the fit never sees its photos.
 */
export async function collectCandidates(
  selfies: readonly Selfie[],
  seeds: readonly number[],
  melaninLevels: readonly number[],
  onPhoto?: (p: CandidatePhoto) => void,
  options: CollectOptions = {},
): Promise<CandidatePhoto[]> {
  const out: CandidatePhoto[] = [];
  for (const [i, s] of selfies.entries()) {
    for (const seed of seeds) {
      for (const melanin of melaninLevels) {
        const img = retone(s.image, melanin, s.face.mesh);
        const unplanted = await bothChromas(img);
        const rng = makeRng(seed + 97 * i + Math.round(melanin * 10));
        const lesions = plantVaried(img, s.face.mesh, { type: "lesion", count: 12, rng });
        const spots = plantVaried(img, s.face.mesh, {
          type: "spot",
          count: 6,
          rng,
          avoid: lesions,
          ...(options.spotStrength ? { strength: options.spotStrength } : {}),
        });
        const planted = await bothChromas(img);
        for (const v of options.asTakenOnly ? VARIANTS.slice(0, 1) : VARIANTS) {
          const found = await candidatesOf(await v.make(planted[v.from]));
          if (!found) continue;
          const truth = [...lesions, ...spots].map((t) => ({
            type: t.type,
            x: t.x * v.scale,
            y: t.y * v.scale,
            r: t.r * v.scale,
            zone: t.zone,
            diameterMm: t.diameterMm,
          }));
          const variant = options.tag ? `${v.name} (${options.tag})` : v.name;
          const ownKey = `${s.name}|${melanin}|${v.name}`;
          if (!ownCache.has(ownKey)) ownCache.set(ownKey, await ownDarkOf(await v.make(unplanted[v.from])));
          const ownDark = ownCache.get(ownKey) ?? [];
          const p: CandidatePhoto = { face: s.name, melanin, variant, truth, ...found, ownDark };
          out.push(p);
          onPhoto?.(p);
        }
      }
    }
  }
  return out;
}
