import { pct, table, targetFigures, type EvalRows } from "./eval-report";
import { sumTallies, type PlantedRow } from "./evaluation";
import { byFace, faceIntervals } from "./face-bootstrap";
import { precision, recall } from "./planted-run";
import { encodeJpeg } from "./selfies";
import type { RgbImage } from "../decode";

/**
 * How a photo reaches the analyzer, and what that does to planted lesions: the evaluation plants once and encodes
 * the same planted photo each of these ways (evaluatePlanted's `encode`).
 */
export type Encode = (img: RgbImage) => Promise<Uint8Array>;

/** The app's upload: colour at full resolution (components/capture/image-processing.ts encodeFullColourJpeg). */
export const fullColour: Encode = (img) => encodeJpeg(img, 92, "4:4:4");

/**
 * A photo saved at quality 75 with half-resolution colour: the default of Pillow's and libjpeg's encoders, so what a
 * script that saves a planted photo without choosing a quality sends (the planted tables use q92).
 */
export const libraryDefault: Encode = (img) => encodeJpeg(img, 75);

/**
 * A photo slightly out of focus: a Gaussian blur of σ `sigma` px before the planted tables' q92 4:2:0. At σ 1.8 the
 * edge blur the gate reads (focus.ts) rises by ≈ 0.2 mm on the dev faces (median 0.44 → 0.65 mm) and the gate still
 * passes about two thirds of them (its limit is 0.8 mm): soft enough to lose small lesions, sharp enough to pass.
 */
export function slightlyBlurred(sigma: number): Encode {
  return async (img) => {
    const sharp = (await import("sharp")).default;
    const raw = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
    return new Uint8Array(await raw.blur(sigma).jpeg({ quality: 92, chromaSubsampling: "4:2:0" }).toBuffer());
  };
}

/**
 * The app's camera view: a frame `scale`× the photo it sends (CAMERA_VIDEO asks for 1.5×), its colour at half
 * resolution as a camera delivers it (4:2:0, saved at q95), scaled back down and uploaded with full colour (q90).
 * The frame is the photo scaled up with a cubic kernel: it adds no detail, so what changes is only where the colour's
 * half resolution falls, which is the question.
 */
export function cameraFrames(scale: number): Encode {
  return async (img) => {
    const sharp = (await import("sharp")).default;
    const raw = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
    const frame = await raw
      .resize(Math.round(img.width * scale), Math.round(img.height * scale), { kernel: "cubic" })
      .jpeg({ quality: 95, chromaSubsampling: "4:2:0" })
      .toBuffer();
    const photo = await sharp(frame)
      .resize(img.width, img.height)
      .jpeg({ quality: 90, chromaSubsampling: "4:4:4" })
      .toBuffer();
    return new Uint8Array(photo);
  };
}

/** The planted rows of one way of encoding the same plantings (evaluatePlanted's `encode`). */
export type InputPath = { path: string; rows: readonly PlantedRow[] };

const plantedOnly = (planted: readonly PlantedRow[]): EvalRows => ({
  planted,
  rejects: [],
  defects: [],
  defectCodes: new Map(),
  tone: [],
  repeat: [],
});

/**
 * The acne card's mean confidence over the photos it graded (a card that is not measurable reads 0 and is left out),
 * and how many say compression or blur limits it most.
 */
function acneConfidence(ok: readonly PlantedRow[]): string {
  const graded = ok.flatMap((r) => (r.acne && r.acne.confidence > 0 ? [r.acne] : []));
  if (graded.length === 0) return "–";
  const mean = graded.reduce((sum, a) => sum + a.confidence, 0) / graded.length;
  const limitedBy = (limit: string) => `${graded.filter((a) => a.limitedBy === limit).length}/${graded.length}`;
  return `${pct(mean)} (compression ${limitedBy("compression")}, blur ${limitedBy("blur")})`;
}

/**
 * The same plantings on the same faces, encoded the ways a photo can reach the analyzer: red-lesion and dark-spot
 * recall and precision, the darkest group's red recall and the tone gap, each path's red recall against the
 * first's as a paired difference with its 95% interval over the faces (face-bootstrap.ts), and what the acne card
 * said of its confidence: it should fall where recall does.
 */
export function inputPathTable(paths: readonly InputPath[]): string {
  const [first] = paths;
  if (!first) return "";
  const okRows = (rows: readonly PlantedRow[]) => rows.filter((r) => r.ok);
  const body = paths.map(({ path, rows }) => {
    const ok = okRows(rows);
    const red = sumTallies(ok, (r) => r.lesions.all);
    const spots = sumTallies(ok, (r) => r.spots);
    const dark = sumTallies(
      ok.filter((r) => r.tone === "dark"),
      (r) => r.lesions.all,
    );
    const gap = targetFigures(plantedOnly(rows)).gap;
    return [
      path,
      `${ok.length}/${rows.length}`,
      `${pct(recall(red))} / ${pct(precision(red))} (${red.tp}/${red.tp + red.fn}, fp ${red.fp})`,
      path === first.path ? "–" : pairedDifference(first.rows, rows),
      `${pct(recall(dark))} (${dark.tp}/${dark.tp + dark.fn})`,
      Number.isNaN(gap) ? "–" : gap.toFixed(1),
      `${pct(recall(spots))} / ${pct(precision(spots))} (${spots.tp}/${spots.tp + spots.fn}, fp ${spots.fp})`,
      acneConfidence(ok),
    ];
  });
  return table(
    [
      "photo reaches the analyzer as",
      "photos the gate passed",
      "red recall / precision, all findings",
      "red recall against the first row on the photos both passed, points (95% interval, faces resampled)",
      "red recall, dark group",
      "tone gap, points",
      "dark spots recall / precision, all findings",
      "acne confidence, mean (limited by compression, by blur)",
    ],
    body,
  );
}

/** Red recall, all findings, of the photos the gate passed. */
const redRecall = (rows: readonly PlantedRow[]) =>
  recall(
    sumTallies(
      rows.filter((r) => r.ok),
      (r) => r.lesions.all,
    ),
  );

/**
 * `rows`' red recall minus `base`'s in points, with its 95% interval over the faces: one resample of faces for both,
 * so the interval is of the paired difference. Paired by photo: only photos (a face at one added melanin) the gate
 * passed on both paths count, so a path the gate refuses more often is not compared with other photos.
 */
function pairedDifference(allBase: readonly PlantedRow[], allRows: readonly PlantedRow[]): string {
  const photo = (r: PlantedRow) => `${r.name}@${r.melanin}`;
  const passed = (rows: readonly PlantedRow[]) => new Set(rows.filter((r) => r.ok).map(photo));
  const [inBase, inRows] = [passed(allBase), passed(allRows)];
  const base = allBase.filter((r) => inRows.has(photo(r)));
  const rows = allRows.filter((r) => inBase.has(photo(r)));
  const diff = 100 * (redRecall(rows) - redRecall(base));
  const these = byFace(rows);
  const baseRows = byFace(base);
  const { lo, hi } = faceIntervals(
    rows.map((r) => r.name),
    (sample) => ({ diff: 100 * (redRecall(these(sample)) - redRecall(baseRows(sample))) }),
  ).diff;
  return `${diff >= 0 ? "+" : ""}${diff.toFixed(1)} (${lo.toFixed(1)} to ${hi.toFixed(1)})`;
}
