import { ROUTINE_ORDER, type Product } from "../catalog/product";
import { BUDGET_RANGES, keptSteps, type Survey } from "../survey";
import { NOT_MEDICAL_ADVICE_NOTE, PATCH_TEST_NOTE } from "./notes";
import { recommendationSchema, type Recommendation } from "./recommendation";

/**
 * The hard filters restated from the issue, independently of filters.ts, so a bug there cannot hide itself.
 */
function brokenRules(p: Product, s: Survey): string[] {
  const broken: string[] = [];
  if (p.priceRm > BUDGET_RANGES[s.budget].max) broken.push("budget");
  if (s.fragrance === "avoid" && !p.fragranceFree) broken.push("fragrance");
  if (s.sensitivity === "high" && (p.strength === "strong" || !p.sensitiveOk)) broken.push("sensitivity");
  const pregnancyUnsafe = !p.pregnancySafe || p.keyActives.includes("retinoid") || (p.salicylicPercent ?? 0) > 2;
  if (s.pregnancy !== "no" && pregnancyUnsafe) broken.push("pregnancy");
  if (!p.skinTypes.includes(s.skinType)) broken.push("skin-type");
  return broken;
}

/**
 * Properties every recommendation must have, whatever the inputs. Returns the broken ones, in words,
 * so tests can assert an empty list and show exactly what went wrong.
 */
export function checkRecommendation(rec: Recommendation, survey: Survey, products: readonly Product[]): string[] {
  const problems: string[] = [];
  if (!recommendationSchema.safeParse(rec).success) problems.push("does not match recommendationSchema");
  const ids = rec.picks.map((p) => p.productId);
  if (new Set(ids).size !== ids.length) problems.push(`duplicate picks: ${ids.join(", ")}`);
  for (const pick of rec.picks) {
    const product = products.find((p) => p.id === pick.productId);
    if (product === undefined) {
      problems.push(`${pick.productId} is not in the catalog`);
      continue;
    }
    const failed = brokenRules(product, survey);
    if (failed.length > 0) problems.push(`${pick.productId} fails ${failed.join(", ")}`);
    if (pick.step === "sunscreen" && pick.pm) problems.push(`${pick.productId}: sunscreen in the PM routine`);
    if (pick.keyActives.includes("retinoid") && pick.am) problems.push(`${pick.productId}: retinoid in the AM routine`);
  }
  for (const time of ["am", "pm"] as const) {
    const orders = rec.routine[time].map((i) => ROUTINE_ORDER[i.step]);
    if (orders.some((o, i) => i > 0 && o < (orders[i - 1] ?? 0))) problems.push(`${time} routine is out of order`);
    if (!rec.routine[time].some((i) => i.step === "cleanser")) problems.push(`${time} routine has no cleanser`);
    for (const pick of rec.picks) {
      const listed = rec.routine[time].some((i) => i.productId === pick.productId);
      if (listed !== pick[time]) problems.push(`${pick.productId} ${listed ? "wrongly in" : "missing from"} ${time}`);
    }
  }
  for (const step of keptSteps(survey)) {
    if (rec.picks.some((p) => p.step === step)) continue;
    for (const time of step === "sunscreen" ? (["am"] as const) : (["am", "pm"] as const)) {
      const item = rec.routine[time].find((i) => i.step === step);
      if (item === undefined || item.productId !== null)
        problems.push(`kept ${step} is not "keep using yours" (${time})`);
    }
  }
  if (rec.routine.am.at(-1)?.step !== "sunscreen") problems.push("AM routine does not end with sunscreen");
  if (rec.routine.pm.some((i) => i.step === "sunscreen")) problems.push("PM routine has a sunscreen");
  if (!rec.notes.some((n) => n.key === PATCH_TEST_NOTE.key)) problems.push("no patch-test note");
  if (!rec.notes.some((n) => n.key === NOT_MEDICAL_ADVICE_NOTE.key)) problems.push("no not-medical-advice note");
  if (rec.picks.length === 3 && rec.limitedBy.length > 0) problems.push("limitedBy set although three picks");
  return problems;
}
