// Prints the recommender-wide measures of issue 12 over 3,000 random survey-only recommendations.
import { loadCatalog } from "@/lib/domain/catalog";
import { measureRecommender, randomSurvey } from "@/lib/domain/recommend/measures";
import { makeSeededRandom } from "@/testing/domain/seeded-random";
import { diagnoseTopPicks } from "./recommend-top";

const SURVEYS = Number(process.env.SURVEYS ?? 3000);
const rand = makeSeededRandom(Number(process.env.SEED ?? 12));
const catalog = loadCatalog();
const started = performance.now();
const surveys = Array.from({ length: SURVEYS }, () => randomSurvey(rand));
const m = measureRecommender(catalog, surveys);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`surveys ${m.surveys}, picks ${m.picks}, ${(performance.now() - started).toFixed(0)} ms`);
console.log(
  `picks inside the chosen budget band: ${pct(m.inBand)}, ${pct(m.inBandWhereFit)} where the band has a fit; out-of-band picks without a reason: ${pct(m.outOfBandUnexplained)}`,
);
console.log(`routines with a generic "(any)" step: ${pct(m.genericStep)}`);
console.log(`a warning names a picked product: ${pct(m.warningNamesPick)}`);
console.log(`a pick at a step the person keeps their own product for: ${pct(m.keptStepPicked)}`);
console.log(`catalogue products ever picked: ${m.distinctPicked} of ${catalog.length}; top 5 take ${pct(m.top5Share)}`);
// The same surveys as if nobody kept a product of their own: every basic step is then the catalogue's to fill.
const none = measureRecommender(
  catalog,
  surveys.map((s) => ({ ...s, keepUsing: [] })),
);
console.log(
  `if nobody kept their own cleanser, moisturiser or sunscreen: ${none.distinctPicked} of ${catalog.length} picked; top 5 take ${pct(none.top5Share)}; picks in band where it has a fit ${pct(none.inBandWhereFit)}`,
);
const top = [...m.counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log("most picked:", top.map(([id, c]) => `${id} ${c}`).join(", "));
const top5 = top.slice(0, 5).map(([id]) => id);
for (const d of diagnoseTopPicks(catalog, surveys, top5)) {
  console.log(
    `  ${d.id}: ${d.picks} picks; the only fit in its step for that person ${d.onlyFit}, a near-tie (within 1 point) ${d.nearTie}; the person keeps all three basics ${d.keepsAllBasics}`,
  );
}
const never = catalog.filter((p) => !m.counts.has(p.id)).map((p) => p.id);
console.log(`never picked (${never.length}):`, never.join(", "));
