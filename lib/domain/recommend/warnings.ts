import { listOf, message, type Message } from "../message";
import { keptSteps, needsPregnancySafe, type Survey } from "../survey";
import { currentActiveSources, findConflicts, productSource, SUN_SENSITISING, type ActiveSource } from "./conflicts";
import type { RecommendationWarning } from "./recommendation";
import type { Product } from "../catalog/product";

const names = (sources: readonly ActiveSource[]) => listOf(sources.map((s) => s.label));
const productNames = (products: readonly Product[]) => listOf(products.map((p) => `${p.brand} ${p.name}`));

const warning = (code: string, params?: Message["params"]): RecommendationWarning => ({
  code,
  message: message(`recommend.warning.${code}`, params),
});

/**
 * `basics`: catalogue products that complete the routine beyond the picks; they are on the face too.
 * `sunCalledForByConcern`: pigmentation or redness is present, so a sunscreen was wanted whatever the actives.
 */
export function buildWarnings(
  chosen: readonly Product[],
  basics: readonly Product[],
  survey: Survey,
  sunCalledForByConcern: boolean,
): RecommendationWarning[] {
  const picks = [...chosen, ...basics];
  const current = currentActiveSources(survey.currentActives);
  const sources = [...current, ...picks.map(productSource)];
  const warnings: RecommendationWarning[] = findConflicts(sources).map((c) =>
    warning(c.code, { sources: names(c.sources) }),
  );

  const sunSensitising = sources.filter(
    (s) => s.leaveOn && s.actives.some((a) => a !== "vitamin-c" && SUN_SENSITISING.includes(a)),
  );
  // A sunscreen of their own that the person keeps counts: the routine says to keep using it.
  const pickedSunscreen = picks.some((p) => p.step === "sunscreen") || keptSteps(survey).includes("sunscreen");
  if (sunSensitising.length > 0 && !pickedSunscreen) {
    warnings.push(warning("NO_SUNSCREEN", { sources: names(sunSensitising), count: sunSensitising.length }));
  } else if (sunCalledForByConcern && !pickedSunscreen) {
    // Same code as above (the UI and stored records know it), different words: no sunscreen passed the filters.
    warnings.push({ code: "NO_SUNSCREEN", message: message("recommend.warning.NO_SUNSCREEN_FILTERED") });
  }

  const scented = picks.filter((p) => !p.fragranceFree);
  if (scented.length > 0 && survey.sensitivity !== "low") {
    warnings.push(warning("FRAGRANCE", { products: productNames(scented), count: scented.length }));
  }

  const strongCurrent = survey.currentActives.filter((a) => ["retinoid", "aha", "bha", "benzoyl-peroxide"].includes(a));
  if (survey.sensitivity === "high" && strongCurrent.length > 0) {
    warnings.push(
      warning("SENSITIVITY_CURRENT_ACTIVES", {
        actives: listOf(strongCurrent.map((a) => message(`recommend.activeName.${a}`))),
      }),
    );
  }
  const strongPicks = picks.filter((p) => p.strength === "strong");
  if (survey.sensitivity === "medium" && strongPicks.length > 0) {
    warnings.push(
      warning("SENSITIVITY_STRONG_PICK", { products: productNames(strongPicks), count: strongPicks.length }),
    );
  }

  if (needsPregnancySafe(survey) && survey.currentActives.includes("retinoid")) {
    warnings.push(warning("PREGNANCY_RETINOID"));
  }
  return warnings;
}
