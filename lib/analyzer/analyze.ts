import { REGION_NAMES, SKIN_REPORT_VERSION, categoriseIta, skinReportSchema, type Finding, type Region, type RegionName, type SkinReport } from "../domain/skin-report";
import type { Blob } from "./blobs";
import { itaDegrees } from "./color";
import { decodePhoto, type DecodedPhoto } from "./decode";
import { cropFace, findFaces, type FaceCrop } from "./face-crop";
import { computeSignals, detectDarkSpots, detectRedLesions } from "./lesions";
import { regionPolygon } from "./mesh-regions";
import { downsample, percentile } from "./planes";
import { gateGeometry, gatePhotometry, lumaPlane, normalisedLaplacianVariance } from "./quality";
import { computeScores } from "./scores";
import { buildSkinContext, type SkinContext } from "./skin-context";

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function photometry(ctx: SkinContext) {
  const luma = lumaPlane(ctx.image);
  let sum = 0;
  let n = 0;
  let clipped = 0;
  const px = ctx.image.data;
  for (let i = 0; i < ctx.labels.length; i++) {
    if (!ctx.labels[i]) continue;
    sum += luma.data[i] ?? 0;
    n++;
    if (Math.max(px[3 * i] ?? 0, px[3 * i + 1] ?? 0, px[3 * i + 2] ?? 0) >= 250) clipped++;
  }
  // Sharpness over the whole face box (eyes, brows and lip edges carry most of the focus signal), at 256 px face width.
  const small = downsample(luma, 2);
  const mask = new Uint8Array(small.width * small.height);
  const { x0, y0, x1, y1 } = ctx.bbox;
  for (let y = Math.floor(y0 / 2); y <= Math.floor(y1 / 2) && y < small.height; y++) {
    for (let x = Math.floor(x0 / 2); x <= Math.floor(x1 / 2) && x < small.width; x++) mask[y * small.width + x] = 1;
  }
  const boxLuma: number[] = [];
  // Every 4th pixel each way: ~10k samples fix the 98th percentile well enough.
  for (let y = y0; y <= y1; y += 4) for (let x = x0; x <= x1; x += 4) boxLuma.push(luma.data[y * ctx.width + x] ?? 0);
  const left = ctx.stats.leftCheek?.L ?? 0;
  const right = ctx.stats.rightCheek?.L ?? 0;
  return {
    exposure: n > 0 ? sum / n : 0,
    clippedFraction: n > 0 ? clipped / n : 0,
    highlight: percentile(boxLuma, 98),
    sharpness: normalisedLaplacianVariance(small, mask),
    cheekDeltaL: Math.abs(left - right),
  };
}

function toPhoto(crop: FaceCrop, photo: DecodedPhoto, x: number, y: number): [number, number] {
  const wx = x / crop.scale + crop.offsetX;
  const wy = y / crop.scale + crop.offsetY;
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
      pose: face ? { yaw: toDeg(face.pose.yaw), pitch: toDeg(face.pose.pitch), roll: toDeg(face.pose.roll) } : { yaw: 0, pitch: 0, roll: 0 },
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
  const ctx = buildSkinContext(crop);
  lap("regions");
  const m = photometry(ctx);
  report.quality.issues = [...issues, ...gatePhotometry(m)];
  report.quality.ok = report.quality.issues.length === 0;
  report.quality.sharpness = round(m.sharpness, 4);
  report.quality.exposure = round(clamp01(m.exposure), 3);
  const ita = itaDegrees(ctx.median.L, ctx.median.b);
  report.tone = { ita: round(ita, 1), category: categoriseIta(ita) };
  report.regions = buildRegions(ctx, photo);
  lap("quality");
  if (!report.quality.ok) return finish(report, start, timings);

  const signals = computeSignals(ctx);
  const lesions = detectRedLesions(ctx, signals);
  const spots = detectDarkSpots(ctx, signals, lesions);
  lap("detectors");
  // Confidence falls with fewer pixels per mm (face width) and with softer focus.
  const confidence = clamp01(report.quality.faceWidthPx / 500) * clamp01(0.5 + m.sharpness * 5);
  report.scores = computeScores(ctx, lesions, spots, confidence);
  report.findings = [...toFindings("lesion", lesions, ctx, photo), ...toFindings("spot", spots, ctx, photo)];
  lap("scores");
  return finish(report, start, timings);
}

function finish(report: SkinReport, start: number, timings: Record<string, number>): SkinReport {
  timings.total = round(performance.now() - start, 1);
  return skinReportSchema.parse(report);
}
