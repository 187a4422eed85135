/**
 * npm run diagnose:spots [dev|heldout] — why planted dark spots are missed (a diagnosis, not a
 * test). Plants exactly what the evaluation plants (evaluation.ts: seeds 7000 dev / 9000 held-out, four
 * melanin levels), runs the detector's stages and names each miss's cause (testing/spot-misses.ts). It
 * also analyses the same photo unplanted on the same face crop: the planted spot's own rise in filtered
 * darkness over the local noise there ("injected SNR") says whether the spot is in the signal at all after
 * the JPEG, whatever the detector then does with it. Use it on dev only to choose anything.
 */
import { MODELS, probability } from "../analyzer/candidate-model";
import { CANDIDATE_PEAK, findDarkCandidates, lesionMask } from "../analyzer/candidates";
import { decodePhoto } from "../analyzer/decode";
import { cropFace, findFaces } from "../analyzer/face-crop";
import { analyzeImage, warmUp } from "../analyzer/index";
import { computeSignals, detectDarkSpots, detectRedLesions } from "../analyzer/lesions";
import { buildSkinContext } from "../analyzer/skin-context";
import { MELANIN_LEVELS } from "../analyzer/testing/evaluation";
import { plantVaried } from "../analyzer/testing/lesion-generator";
import { loadSplit, type Split } from "../analyzer/testing/photo-set";
import { makeRng, retone } from "../analyzer/testing/plant";
import { encodeJpeg } from "../analyzer/testing/selfies";
import { causeOfMiss, MISS_CAUSES, strongestWithin, type MissCause } from "../analyzer/testing/spot-misses";

/** skin-context.ts OUTLIER_DARK_L: skin this far below the median L* is dropped as hair or frames. */
const DARK_BELOW = 28;
/** "not measured": the unplanted photo's crop came out another size, so the two cannot be subtracted. */
const SNR_BANDS = ["SNR < 2", "SNR 2–3", "SNR 3–4", "SNR ≥ 4", "not measured"] as const;
const snrBand = (snr: number) =>
  SNR_BANDS[!Number.isFinite(snr) ? 4 : snr < 2 ? 0 : snr < 3 ? 1 : snr < 4 ? 2 : 3] ?? "not measured";

type Row = { cause: MissCause; size: string; zone: string; melanin: number; snr: string };

async function diagnosePhoto(planted: Uint8Array, clean: Uint8Array, truth: ReturnType<typeof plantVaried>) {
  const photo = await decodePhoto(planted);
  const face = (await findFaces(photo.work))[0];
  if (!face) return null;
  const ctx = buildSkinContext(await cropFace(photo.work, face));
  const s = computeSignals(ctx);
  const mask = lesionMask(ctx);
  const red = detectRedLesions(ctx, s, mask);
  const dark = detectDarkSpots(ctx, s, red, mask);
  const candidates = findDarkCandidates(ctx, s, mask).map((c) => ({
    ...c,
    confidence: probability(MODELS.dark, c.features),
  }));
  // The unplanted photo on the same face detection and crop: its signals differ from the planted one's only by the spots.
  const bare = await decodePhoto(clean);
  const bareCtx = buildSkinContext(await cropFace(bare.work, face));
  const bareSignals = bareCtx.width === ctx.width && bareCtx.height === ctx.height ? computeSignals(bareCtx) : null;
  const rise = bareSignals && { ...s.dDark, data: s.dDark.data.map((v, i) => v - (bareSignals.dDark.data[i] ?? 0)) };
  const k = photo.workScale * ctx.crop.scale;
  const scene = {
    zDark: s.zDark,
    mask,
    hair: ctx.hair,
    L: ctx.lab.L.data,
    medianL: ctx.median.L,
    darkBelow: DARK_BELOW,
    darkSpots: dark,
    redLesions: red,
    candidates,
    threshold: MODELS.dark.threshold,
    candidatePeak: CANDIDATE_PEAK.dark,
  };
  return truth.map((t) => {
    const spot = {
      x: (t.x * photo.workScale - ctx.crop.offsetX) * ctx.crop.scale - ctx.origin.x,
      y: (t.y * photo.workScale - ctx.crop.offsetY) * ctx.crop.scale - ctx.origin.y,
      r: t.r * k,
    };
    let snr = NaN;
    if (bareSignals && rise) {
      const top = strongestWithin(rise, spot.x, spot.y, spot.r);
      snr = top.z / (bareSignals.noiseDark.data[top.index] ?? 1);
    }
    return { cause: causeOfMiss(scene, spot, spot.r + 6 * k), snr };
  });
}

function table(rows: readonly Row[], key: (r: Row) => string, title: string, order?: readonly string[]): string {
  const columns = order ?? [...new Set(rows.map(key))].sort();
  const lines = [`| cause | ${columns.join(" | ")} | all |`, `| --- | ${columns.map(() => "---").join(" | ")} | --- |`];
  for (const cause of MISS_CAUSES) {
    const mine = rows.filter((r) => r.cause === cause);
    if (mine.length === 0) continue;
    lines.push(
      `| ${cause} | ${columns.map((c) => mine.filter((r) => key(r) === c).length).join(" | ")} | ${mine.length} |`,
    );
  }
  return [`**${title}** (${rows.length} planted spots on photos the gate passed)`, "", ...lines, ""].join("\n");
}

async function main(): Promise<void> {
  const split = (process.argv[2] ?? "dev") as Split;
  await warmUp();
  const { selfies } = await loadSplit(split);
  const rows: Row[] = [];
  for (const [i, s] of selfies.entries()) {
    for (const melanin of MELANIN_LEVELS) {
      const img = retone(s.image, melanin, s.face.mesh);
      const clean = await encodeJpeg(img);
      const rng = makeRng((split === "dev" ? 7000 : 9000) + 97 * i + Math.round(melanin * 10));
      const lesions = plantVaried(img, s.face.mesh, { type: "lesion", count: 12, rng });
      const spots = plantVaried(img, s.face.mesh, { type: "spot", count: 6, rng, avoid: lesions });
      const planted = await encodeJpeg(img);
      if (!(await analyzeImage(planted)).quality.ok) continue;
      const found = await diagnosePhoto(planted, clean, spots);
      found?.forEach((f, j) => {
        const t = spots[j];
        if (!t) return;
        const size = `${Math.min(3, Math.floor(t.diameterMm))}–${Math.min(4, Math.floor(t.diameterMm) + 1)} mm`;
        rows.push({ cause: f.cause, size, zone: t.zone, melanin, snr: snrBand(f.snr) });
      });
    }
    console.error(`${s.name}: ${rows.length} spots so far`);
  }
  console.log(table(rows, (r) => r.size, "By planted diameter"));
  console.log(table(rows, (r) => r.zone, "By zone"));
  console.log(table(rows, (r) => `melanin ${r.melanin}`, "By added melanin"));
  console.log(
    table(rows, (r) => r.snr, "By injected SNR (the spot's own darkness rise over the local noise)", SNR_BANDS),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
