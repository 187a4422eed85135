import type { Blob } from "./blobs";
import { lesionMask } from "./candidates";
import { decodePhoto, type DecodedPhoto } from "./decode";
import { cropFace, cropToWork, FACE_WIDTH, FACE_WIDTH_MM, findFaces, type FaceCrop } from "./face-crop";
import type { DetectedFace } from "./face-model";
import { skinGrain } from "./grain";
import { computeSignals, detectDarkSpots, detectRedLesions } from "./lesions";
import { regionPolygon } from "./mesh-regions";
import { measurePhotometry } from "./photometry";
import { GATE, gateColour, gateGeometry, gatePhotometry, isOverexposed } from "./quality";
import { computeScores } from "./scores";
import { withArena } from "./scratch-arena";
import { buildSkinContext, type SkinContext } from "./skin-context";
import { readToneInPhoto } from "./tone";
import { lowestJpegQuality } from "../domain/jpeg-quality";
import {
  REGION_NAMES,
  SKIN_REPORT_VERSION,
  skinReportSchema,
  type Finding,
  type Region,
  type RegionName,
  type SkinReport,
} from "../domain/skin-report";

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function toPhoto(crop: FaceCrop, photo: DecodedPhoto, x: number, y: number): [number, number] {
  const [wx, wy] = cropToWork(crop, x, y);
  return [round(clamp01(wx / photo.work.width), 4), round(clamp01(wy / photo.work.height), 4)];
}

function buildRegions(ctx: SkinContext, photo: DecodedPhoto): Partial<Record<RegionName, Region>> {
  const out: Partial<Record<RegionName, Region>> = {};
  for (const name of REGION_NAMES) {
    const s = ctx.stats[name];
    if (!s) continue;
    out[name] = {
      polygon: regionPolygon(ctx.crop.mesh, name).map(([x, y]) => toPhoto(ctx.crop, photo, x, y)),
      metrics: { L: round(s.L, 2), a: round(s.a, 2), b: round(s.b, 2), ei: round(s.ei, 2), pixels: s.n },
    };
  }
  return out;
}

function toFindings(type: Finding["type"], blobs: readonly Blob[], ctx: SkinContext, photo: DecodedPhoto): Finding[] {
  const crop = ctx.crop;
  return blobs.map((b) => {
    const [x, y] = toPhoto(crop, photo, b.x + ctx.origin.x, b.y + ctx.origin.y);
    return { type, x: round(x, 4), y: round(y, 4), r: round(clamp01(b.r / crop.scale / photo.work.width), 4) };
  });
}

/** Image bytes → SkinReport. Throws AnalyzerInputError for bytes that are not a usable photo. */
export async function analyzeImage(bytes: Uint8Array): Promise<SkinReport> {
  const timings: Record<string, number> = {};
  const start = performance.now();
  let mark = start;
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = round(now - mark, 1);
    mark = now;
  };

  const photo = await decodePhoto(bytes);
  lap("decode");
  const faces = await findFaces(photo.work);
  lap("detect");
  const photoScale = 1 / photo.workScale;
  const issues = gateGeometry(faces, photoScale, Math.min(photo.width, photo.height));
  const face = faces[0];
  const toDeg = (r: number) => round((r * 180) / Math.PI, 1);
  const report: SkinReport = {
    version: SKIN_REPORT_VERSION,
    image: { width: photo.width, height: photo.height },
    quality: {
      ok: false,
      issues,
      sharpness: 0,
      exposure: 0,
      faceWidthPx: face ? round(face.box.width * photoScale, 1) : 0,
      pose: face
        ? { yaw: toDeg(face.pose.yaw), pitch: toDeg(face.pose.pitch), roll: toDeg(face.pose.roll) }
        : { yaw: 0, pitch: 0, roll: 0 },
    },
    tone: null,
    scores: null,
    findings: [],
    regions: {},
    timings,
  };
  if (!face) return finish(report, start, timings);

  const crop = await cropFace(photo.work, face);
  lap("crop");
  const savedAt = lowestJpegQuality(bytes);
  // From here on nothing awaits: the stages borrow their planes from the thread's arena and it takes them back.
  return withArena(() =>
    measureFace(report, crop, photo, face, { issues, jpegQuality: savedAt }, lap, () => finish(report, start, timings)),
  );
}

function measureFace(
  report: SkinReport,
  crop: FaceCrop,
  photo: DecodedPhoto,
  face: DetectedFace,
  { issues, jpegQuality }: { issues: SkinReport["quality"]["issues"]; jpegQuality: number | null },
  lap: (stage: string) => void,
  done: () => SkinReport,
): SkinReport {
  const photoScale = 1 / photo.workScale;
  const ctx = buildSkinContext(crop);
  lap("regions");
  const m = measurePhotometry(ctx);
  const reading = readToneInPhoto(ctx, photo.work, face.box);
  // Blown-out skin has no colour left to judge: over-exposure is the one issue then.
  const colour = isOverexposed(m) ? [] : gateColour(reading.light.cast, reading.weakestChannel, reading.corrected.b);
  const faceTooSmall = issues.some((i) => i.code === "FACE_TOO_SMALL");
  report.quality.issues = [...issues, ...gatePhotometry(m, { faceTooSmall }), ...colour];
  report.quality.ok = report.quality.issues.length === 0;
  report.quality.sharpness = round(m.sharpness, 4);
  report.quality.exposure = round(clamp01(m.exposure), 3);
  // The mesh spans the face at the cheekbones, ≈ 135 mm on adults (Farkas 1994: bizygomatic 130–140 mm).
  const pxPerMm = ((FACE_WIDTH / crop.scale) * photoScale) / FACE_WIDTH_MM;
  report.quality.pxPerMm = round(pxPerMm, 2);
  report.tone = reading.tone;
  report.regions = buildRegions(ctx, photo);
  lap("quality");
  if (!report.quality.ok) return done();

  const signals = computeSignals(ctx);
  const mask = lesionMask(ctx);
  const lesions = detectRedLesions(ctx, signals, mask);
  const spots = detectDarkSpots(ctx, signals, lesions, mask);
  lap("detectors");
  report.scores = computeScores(ctx, lesions, spots, {
    pxPerMm,
    grain: skinGrain(signals, mask),
    jpegQuality,
    // A noisy photo's edges are read on a smoothed face, which reads up to ≈ 0.2 mm softer (quality.ts
    // maxNoisyBlurMm): its small findings are already discounted for grain, and the blur factor is fitted on clean ones.
    ...(m.noiseLevels > GATE.noisyLevels ? {} : { blurMm: m.blurMm }),
  });
  report.findings = [...toFindings("lesion", lesions, ctx, photo), ...toFindings("spot", spots, ctx, photo)];
  lap("scores");
  return done();
}

function finish(report: SkinReport, start: number, timings: Record<string, number>): SkinReport {
  timings.total = round(performance.now() - start, 1);
  return skinReportSchema.parse(report);
}
