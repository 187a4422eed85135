import { decodePhoto, type DecodedPhoto } from "../decode";
import { cropFace, findFaces, workToCrop } from "../face-crop";
import { warmUp } from "../index";
import { computeSignals, detectDarkSpots, detectRedLesions } from "../lesions";
import { plantVaried, type PlantedLesion } from "./lesion-generator";
import { makeRng, retone } from "./plant";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./selfies";
import { lesionMask } from "../candidates";
import { buildSkinContext, type SkinContext } from "../skin-context";

/** One face at one added melanin level, planted as the evaluation plants it (evaluation.ts evaluatePlanted). */
export interface PlantedPhoto {
  /** The retoned face before planting, as a JPEG. */
  clean: Uint8Array;
  /** The same face with 12 red lesions and then 6 dark spots planted, as a JPEG. */
  planted: Uint8Array;
  lesions: PlantedLesion[];
  spots: PlantedLesion[];
}

/** `seedBase` 7000 for dev, 9000 for held-out (the evaluation's); `index` is the face's place in its split. */
export async function plantAsEvaluated(
  s: Selfie,
  index: number,
  melanin: number,
  seedBase: number,
): Promise<PlantedPhoto> {
  const img = retone(s.image, melanin, s.face.mesh);
  const clean = await encodeJpeg(img);
  const rng = makeRng(seedBase + 97 * index + Math.round(melanin * 10));
  const lesions = plantVaried(img, s.face.mesh, { type: "lesion", count: 12, rng });
  const spots = plantVaried(img, s.face.mesh, { type: "spot", count: 6, rng, avoid: lesions });
  return { clean, planted: await encodeJpeg(img), lesions, spots };
}

export type Signals = ReturnType<typeof computeSignals>;

/** The detector's stages on a planted photo, beside the same photo unplanted on the same face and crop. */
export interface PlantedSignals {
  photo: DecodedPhoto;
  ctx: SkinContext;
  signals: Signals;
  mask: ReturnType<typeof lesionMask>;
  red: ReturnType<typeof detectRedLesions>;
  dark: ReturnType<typeof detectDarkSpots>;
  /** The unplanted photo's signals: they differ from `signals` only by what was planted. Null when its crop came out another size. */
  bare: Signals | null;
  /** The unplanted photo's skin context (the same crop), null with `bare`: for its own findings (spots10). */
  bareCtx: SkinContext | null;
  /** Photo pixels → window pixels. */
  scale: number;
  /** A planted lesion's centre and radius in the analysis window's pixels. */
  toWindow(t: { x: number; y: number; r: number }): { x: number; y: number; r: number };
}

/** Null when no face is found in the planted photo. */
export async function plantedSignals(planted: Uint8Array, clean: Uint8Array): Promise<PlantedSignals | null> {
  const photo = await decodePhoto(planted);
  const face = (await findFaces(photo.work))[0];
  if (!face) return null;
  const ctx = buildSkinContext(await cropFace(photo.work, face));
  const signals = computeSignals(ctx);
  const mask = lesionMask(ctx);
  const red = detectRedLesions(ctx, signals, mask);
  const dark = detectDarkSpots(ctx, signals, red, mask);
  const bareCtx = buildSkinContext(await cropFace((await decodePhoto(clean)).work, face));
  const same = bareCtx.width === ctx.width && bareCtx.height === ctx.height;
  const bare = same ? computeSignals(bareCtx) : null;
  const scale = photo.workScale * ctx.crop.scale;
  const toWindow = (t: { x: number; y: number; r: number }) => {
    const [x, y] = workToCrop(ctx.crop, t.x * photo.workScale, t.y * photo.workScale);
    return { x: x - ctx.origin.x, y: y - ctx.origin.y, r: t.r * scale };
  };
  return { photo, ctx, signals, mask, red, dark, bare, bareCtx: same ? bareCtx : null, scale, toWindow };
}

/** How much a filtered signal rose over the unplanted photo at each pixel: what planting put there. */
export function riseOverBare(p: PlantedSignals, plane: "dDark" | "dEi"): Signals["dDark"] | null {
  const { bare } = p;
  if (!bare) return null;
  return { ...p.signals[plane], data: p.signals[plane].data.map((v, i) => v - (bare[plane].data[i] ?? 0)) };
}

/** For tests: the first clean dev selfie planted as the evaluation plants it, its signals, and the rise of `plane` over the unplanted photo. */
export async function plantFirstCleanSelfie(
  plane: "dDark" | "dEi",
): Promise<{ photo: PlantedPhoto; signals: PlantedSignals; rise: Signals["dDark"] }> {
  await warmUp();
  const [selfie] = await loadCleanSelfies();
  if (!selfie) throw new Error("no clean selfie");
  const photo = await plantAsEvaluated(selfie, 0, 0, 7000);
  const signals = await plantedSignals(photo.planted, photo.clean);
  const rise = signals && riseOverBare(signals, plane);
  if (!signals || !rise) throw new Error("the planted face or its unplanted crop was not found");
  return { photo, signals, rise };
}
