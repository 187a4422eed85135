/**
 * npm run diagnose:reshoot — why a re-shot face gets another grade (a diagnosis, not a test, not the published
 * evaluation). Plants what evaluateRepeatability plants (evaluation.ts plantForRepeat; seed 7500 is the dev
 * evaluation's), analyses each face and its five re-shoots, and follows every red lesion and dark spot across
 * them: for each finding marked in one shot and not in the other, the cause (testing/reshoot-causes.ts) and
 * whether it sits at the skin mask's edge; which features moved the classifier's score across its threshold;
 * and the redness flips with the regions' erythema index. Dev only: never run it on held-out photos.
 *
 *   npm run diagnose:reshoot [-- --seed 7500] [-- --faces name,name]
 */
import { acceptCandidates, MODELS, probability } from "../analyzer/candidate-model";
import { findDarkCandidates, findRedCandidates, lesionMask, type Candidate } from "../analyzer/candidates";
import { analyzeImage, warmUp } from "../analyzer/index";
import { underLesion } from "../analyzer/lesions";
import { detectorInputs, inPhotoPixels } from "../analyzer/testing/candidate-set";
import { plantForRepeat, RESHOOTS } from "../analyzer/testing/evaluation";
import { loadSplit } from "../analyzer/testing/photo-set";
import {
  lesionsTurnedSpots,
  RESHOOT_CAUSES,
  scoreSwingByFeature,
  unrepeatedFindings,
  type ShotCandidate,
} from "../analyzer/testing/reshoot-causes";
import { SCORE_KEYS, type SkinReport } from "../domain/skin-report";

type Kind = "red" | "dark";
type Shot = { name: string; report: SkinReport; red: ShotCandidate[]; dark: ShotCandidate[]; pxPerCrop: number };

const arg = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

/** The detector's candidates of one shot with their scores, placed in the reference shot's pixels. */
async function candidatesOf(jpeg: Uint8Array, toBase: (x: number, y: number) => [number, number]) {
  const inputs = await detectorInputs(jpeg);
  if (!inputs) return null;
  const { ctx, s, scale } = inputs;
  const mask = lesionMask(ctx);
  const redAll = findRedCandidates(ctx, s, mask);
  const darkAll = findDarkCandidates(ctx, s, mask);
  const red = acceptCandidates(MODELS.red, redAll);
  const darkAccepted = acceptCandidates(MODELS.dark, darkAll);
  const place = (c: Candidate, kind: Kind): ShotCandidate => {
    const inPhoto = inPhotoPixels(inputs, c);
    const [x, y] = toBase(inPhoto.x, inPhoto.y);
    const accepted = (kind === "red" ? red : darkAccepted).includes(c as never);
    const underRed = kind === "dark" && accepted && underLesion(c, red);
    return {
      x,
      y,
      r: inPhoto.r,
      features: c.features,
      probability: probability(MODELS[kind], c.features),
      kept: accepted && !underRed,
      underRed,
    };
  };
  // acceptCandidates returns copies: find each candidate's accepted copy by position.
  const acceptedAt = (list: readonly Candidate[], c: Candidate) => list.find((a) => a.x === c.x && a.y === c.y);
  const withCopies = (all: Candidate[], acc: readonly Candidate[]) => all.map((c) => acceptedAt(acc, c) ?? c);
  return {
    red: withCopies(redAll, red).map((c) => place(c, "red")),
    dark: withCopies(darkAll, darkAccepted).map((c) => place(c, "dark")),
    pxPerCrop: 1 / scale,
  };
}

const table = (head: string[], rows: Array<Array<string | number>>) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

async function main(): Promise<void> {
  const seed = Number(arg("--seed") ?? 7500);
  const only = arg("--faces")?.split(",");
  await warmUp();
  const { selfies } = await loadSplit("dev");
  const agree: Record<string, Record<string, [number, number]>> = {};
  const causes: Record<
    Kind,
    { all: Record<string, number>; flips: Record<string, number>; edge: Record<string, number> }
  > = { red: { all: {}, flips: {}, edge: {} }, dark: { all: {}, flips: {}, edge: {} } };
  const swing: Record<Kind, Record<string, number>> = { red: {}, dark: {} };
  const crossings: Record<Kind, [number, number]> = { red: [0, 0], dark: [0, 0] };
  const redness: string[] = [];
  // Per re-shoot: findings kept as taken and re-shot, lesions turned spots, and which way count grades moved.
  const drift: Record<string, Record<string, number>> = {};
  for (const [i, s] of selfies.entries()) {
    if (only && !only.includes(s.name)) continue;
    const { base } = await plantForRepeat(s, i, seed);
    const width = s.image.width;
    const shots: Shot[] = [];
    for (const r of [
      {
        name: "as taken",
        make: async (j: Uint8Array) => j,
        toBase: (x: number, y: number) => [x, y] as [number, number],
      },
      ...RESHOOTS,
    ]) {
      const jpeg = await r.make(base);
      const report = await analyzeImage(jpeg);
      const found = report.quality.ok ? await candidatesOf(jpeg, (x, y) => r.toBase(x, y, width)) : null;
      if (found) shots.push({ name: r.name, report, ...found });
    }
    const ref = shots[0];
    if (!ref || ref.name !== "as taken") continue;
    for (const again of shots.slice(1)) {
      const flipped: Record<string, boolean> = {};
      const d = (drift[again.name] ??= {});
      const tally = (k: string, n = 1) => (d[k] = (d[k] ?? 0) + n);
      for (const kind of ["red", "dark"] as const) {
        tally(`${kind} as taken`, ref[kind].filter((c) => c.kept).length);
        tally(`${kind} re-shot`, again[kind].filter((c) => c.kept).length);
      }
      tally("lesions turned spots", lesionsTurnedSpots(ref.red, again.dark, 2 * ref.pxPerCrop).length);
      for (const key of ["acne", "pigmentation"] as const) {
        const a = ref.report.scores?.[key]?.grade;
        const b = again.report.scores?.[key]?.grade;
        if (a != null && b != null && a !== b) tally(`${key} ${b > a ? "up" : "down"}`);
      }
      for (const key of SCORE_KEYS) {
        const a = ref.report.scores?.[key];
        const b = again.report.scores?.[key];
        if (!a || !b || ((a.grade ?? 0) === 0 && (b.grade ?? 0) === 0)) continue;
        const t = ((agree[key] ??= {})[again.name] ??= [0, 0]);
        t[1]++;
        if (a.grade === b.grade) t[0]++;
        else flipped[key] = true;
        if (key === "redness" && a.grade !== b.grade) {
          const ei = (r: SkinReport) =>
            (["leftCheek", "rightCheek", "nose", "forehead"] as const)
              .map(
                (n) =>
                  `${n} ${(r.regions[n]?.metrics.ei ?? Number.NaN).toFixed(2)} (${r.regions[n]?.metrics.pixels} px)`,
              )
              .join(", ");
          redness.push(
            `- ${s.name}, ${again.name}: ${a.raw} → ${b.raw}; as taken ${ei(ref.report)}; re-shot ${ei(again.report)}`,
          );
        }
      }
      for (const kind of ["red", "dark"] as const) {
        const score = kind === "red" ? "acne" : "pigmentation";
        const slack = 3 * ref.pxPerCrop;
        for (const [from, to] of [
          [ref, again],
          [again, ref],
        ] as const)
          for (const u of unrepeatedFindings(from[kind], to[kind], MODELS[kind].threshold, slack)) {
            causes[kind].all[u.cause] = (causes[kind].all[u.cause] ?? 0) + 1;
            if (u.atEdge) causes[kind].edge[u.cause] = (causes[kind].edge[u.cause] ?? 0) + 1;
            if (flipped[score]) causes[kind].flips[u.cause] = (causes[kind].flips[u.cause] ?? 0) + 1;
          }
        // Candidates seen in both shots: which features carried the score across the threshold.
        for (const c of ref[kind]) {
          const o = again[kind].find(
            (q) => Math.hypot(q.x - c.x, q.y - c.y) < Math.max(2 * ref.pxPerCrop, c.r) + slack,
          );
          if (!o || Math.max(c.probability, o.probability) < MODELS[kind].threshold - 0.25) continue;
          crossings[kind][1]++;
          if (c.probability >= MODELS[kind].threshold === o.probability >= MODELS[kind].threshold) continue;
          crossings[kind][0]++;
          for (const [name, d] of Object.entries(scoreSwingByFeature(MODELS[kind], c.features, o.features)))
            swing[kind][name] = (swing[kind][name] ?? 0) + d;
        }
      }
    }
    console.error(`${s.name} done`);
  }
  const reshoots = RESHOOTS.map((r) => r.name);
  console.log(`## Re-shoot diagnosis, dev, seed ${seed}\n\nSame grade, pairs with a grade ≥ 1:\n`);
  console.log(
    table(
      ["score", ...reshoots, "all"],
      Object.entries(agree).map(([key, by]) => {
        const sum = Object.values(by).reduce((t, [a, n]) => [t[0] + a, t[1] + n], [0, 0]);
        return [key, ...reshoots.map((r) => (by[r] ? `${by[r][0]}/${by[r][1]}` : "–")), `${sum[0]}/${sum[1]}`];
      }),
    ),
  );
  const driftColumns = [
    "red as taken",
    "red re-shot",
    "dark as taken",
    "dark re-shot",
    "lesions turned spots",
    "acne down",
    "acne up",
    "pigmentation down",
    "pigmentation up",
  ];
  console.log("\nFindings kept, lesions marked as spots in the re-shot, and count-grade flips by direction:\n");
  console.log(
    table(
      ["re-shoot", ...driftColumns],
      reshoots.map((r) => [r, ...driftColumns.map((c) => drift[r]?.[c] ?? 0)]),
    ),
  );
  for (const kind of ["red", "dark"] as const) {
    console.log(`\n${kind === "red" ? "Red lesions" : "Dark spots"} marked in one shot and not the other:\n`);
    console.log(
      table(
        [
          "cause",
          "all pairs",
          "of them at the mask's edge",
          `in pairs whose ${kind === "red" ? "acne" : "pigmentation"} grade flipped`,
        ],
        RESHOOT_CAUSES.map((c) => [c, causes[kind].all[c] ?? 0, causes[kind].edge[c] ?? 0, causes[kind].flips[c] ?? 0]),
      ),
    );
    const top = Object.entries(swing[kind])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([n, v]) => `${n} ${v.toFixed(1)}`);
    console.log(
      `\n${crossings[kind][0]} of ${crossings[kind][1]} candidates seen in both shots crossed the threshold; summed |Δp| by feature: ${top.join(", ")}`,
    );
  }
  console.log(`\nRedness flips:\n${redness.join("\n") || "none"}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
