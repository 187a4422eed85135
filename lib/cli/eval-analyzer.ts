/**
 * npm run eval:analyzer — the analyzer's published evaluation (not a test): planted lesions by zone and
 * ITA group, false rejects of good photos, defects caught, tone under colour casts and grade
 * repeatability, on the dev split and on the held-out split. Prints the tables and writes
 * docs/analyzer-eval.md (or the path given with --out).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { warmUp } from "../analyzer/index";
import { DARK_SKIN_SEEDS, loadDarkSkinProbe } from "../analyzer/testing/dark-skin-probe";
import { EVAL_METHOD } from "../analyzer/testing/eval-method";
import {
  fairnessRows,
  gateTable,
  plantedTables,
  repeatTable,
  targetsTable,
  toneTable,
  twoLightTable,
  type FairnessRow,
} from "../analyzer/testing/eval-report";
import {
  evaluateDefects,
  evaluateFalseRejects,
  evaluatePlanted,
  evaluateRepeatability,
  evaluateRednessUnderTwoLights,
  evaluateToneUnderLight,
  MELANIN_LEVELS,
  type PlantedRow,
} from "../analyzer/testing/evaluation";
import {
  cameraFrames,
  fullColour,
  inputPathTable,
  libraryDefault,
  slightlyBlurred,
} from "../analyzer/testing/input-paths";
import { DEFECTS } from "../analyzer/testing/lighting";
import { loadSplit, type Split } from "../analyzer/testing/photo-set";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? (args[outIndex + 1] ?? "docs/analyzer-eval.md") : "docs/analyzer-eval.md";
const only = args.includes("--dev-only") ? (["dev"] as Split[]) : (["dev", "heldout"] as Split[]);

/** Per tone group, for the accuracy page: the two splits, then the naturally dark skin probe ("darkskin"). */
const fairness: Array<{ split: Split | "darkskin"; faces: number; rows: FairnessRow[] }> = [];

async function section(split: Split): Promise<string> {
  const { selfies: photos, missing } = await loadSplit(split);
  const skipped = missing.length ? `Not available on this machine: ${missing.join(", ")}.` : "";
  if (photos.length === 0) return `## ${split}\n\nNo photos in this split. ${skipped}\n`;
  const t0 = performance.now();
  const seed = split === "dev" ? 7000 : 9000;
  const planted = await evaluatePlanted(photos, seed);
  fairness.push({ split, faces: photos.length, rows: fairnessRows(planted) });
  // The same plantings as the app's upload sends them (full colour), and through its camera view (input-paths.ts).
  const uploaded = await evaluatePlanted(photos, seed, MELANIN_LEVELS, fullColour);
  const camera = await evaluatePlanted(photos, seed, MELANIN_LEVELS, cameraFrames(1.5));
  const q75 = await evaluatePlanted(photos, seed, MELANIN_LEVELS, libraryDefault);
  const soft = await evaluatePlanted(photos, seed, MELANIN_LEVELS, slightlyBlurred(1.8));
  const rejects = await evaluateFalseRejects(photos);
  const defects = await evaluateDefects(photos);
  const tone = await evaluateToneUnderLight(photos);
  const twoLights = await evaluateRednessUnderTwoLights(photos);
  const repeat = await evaluateRepeatability(photos, seed + 500);
  const codes = new Map(DEFECTS.map((d) => [d.name, d.code]));
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  return [
    `## ${split === "dev" ? "Dev split (tuned on)" : "Held-out split (never tuned on)"}: ${photos.length} faces`,
    "",
    `Faces: ${photos.map((p) => p.name).join(", ")}. ${skipped} (${secs} s)`,
    "",
    "### Against the targets",
    "",
    targetsTable({ planted, rejects, defects, defectCodes: codes, tone, repeat }),
    "",
    "### Planted lesions and spots",
    "",
    plantedTables(planted),
    "",
    "### Planted lesions by how the photo reaches the analyzer (the same plantings, encoded five ways)",
    "",
    inputPathTable([
      { path: "JPEG q92, colour at half resolution (4:2:0): the tables above", rows: planted },
      { path: "JPEG q92, colour at full resolution (4:4:4): a photo uploaded", rows: uploaded },
      { path: "camera frame 1.5× (4:2:0), scaled down, uploaded 4:4:4", rows: camera },
      { path: "JPEG q75, 4:2:0: Pillow's and libjpeg's default", rows: q75 },
      { path: "slightly out of focus (blur σ 1.8 px), then q92 4:2:0", rows: soft },
    ]),
    "",
    "### Good photos refused (exposure, casts, portrait light, everyday combinations)",
    "",
    gateTable(rejects, "accept"),
    "",
    "### Defects refused with the right code",
    "",
    gateTable(defects, "code", codes),
    "",
    "### Tone group under colour casts and ±15% exposure (vs the same photo without them; faces as taken and re-toned)",
    "",
    toneTable(tone),
    "",
    "### Redness under two lights of different colours (vs the same face as taken)",
    "",
    twoLightTable(twoLights),
    "",
    "### Grade repeatability on re-shot faces with planted findings",
    "",
    repeatTable(repeat),
    "",
  ].join("\n");
}

/** Naturally dark faces as photographed, never tuned on (dark-skin-probe.ts): no re-tone, three plantings each. */
async function darkSkinSection(): Promise<string> {
  const { selfies: photos, missing } = await loadDarkSkinProbe();
  const skipped = missing.length ? `Not available on this machine: ${missing.join(", ")}.` : "";
  if (photos.length === 0) return `## Naturally dark skin\n\nNo photos. ${skipped}\n`;
  const asTaken = [0];
  const planted: PlantedRow[] = [];
  const uploaded: PlantedRow[] = [];
  for (const seed of DARK_SKIN_SEEDS) {
    planted.push(...(await evaluatePlanted(photos, seed, asTaken)));
    uploaded.push(...(await evaluatePlanted(photos, seed, asTaken, fullColour)));
  }
  fairness.push({ split: "darkskin", faces: photos.length, rows: fairnessRows(planted) });
  return [
    `## Naturally dark skin as photographed (held out, not re-toned): ${photos.length} faces`,
    "",
    [`Faces: ${photos.map((p) => p.name).join(", ")}; ${DARK_SKIN_SEEDS.length} plantings each.`, skipped]
      .filter(Boolean)
      .join(" "),
    "",
    plantedTables(planted),
    "",
    inputPathTable([
      { path: "JPEG q92, 4:2:0: the tables above", rows: planted },
      { path: "JPEG q92, 4:4:4: a photo uploaded", rows: uploaded },
    ]),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  await warmUp();
  const parts = [];
  for (const split of only) {
    const text = await section(split);
    console.log(text);
    parts.push(text);
  }
  if (only.includes("heldout")) {
    const text = await darkSkinSection();
    console.log(text);
    parts.push(text);
  }
  const doc = [
    "# Analyzer evaluation",
    "",
    "Generated by `npm run eval:analyzer`; do not edit by hand.",
    "",
    EVAL_METHOD,
    "",
    ...parts,
  ].join("\n");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, doc);
  // The accuracy page (app/accuracy) shows the fairness tables from this file.
  const json = out.replace(/\.md$/, ".json");
  writeFileSync(json, `${JSON.stringify({ generatedBy: "npm run eval:analyzer", fairness }, null, 2)}\n`);
  console.log(`wrote ${out} and ${json}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
