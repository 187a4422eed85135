import type { Product } from "../catalog/product";
import { keptSteps, needsPregnancySafe, type Survey } from "../survey";
import {
  currentActiveSources,
  findConflicts,
  productSource,
  SUN_SENSITISING,
  type ActiveSource,
  type Conflict,
  type ConflictCode,
} from "./conflicts";
import type { RecommendationWarning } from "./recommendation";

const names = (sources: readonly ActiveSource[]) => sources.map((s) => s.label).join(" and ");

const CONFLICT_MESSAGES: Record<ConflictCode, (c: Conflict) => string> = {
  RETINOID_WITH_ACIDS: (c) =>
    `${cap(names(c.sources))}: a retinoid and an AHA/BHA on the same night irritate the skin. Use them on different nights.`,
  BENZOYL_PEROXIDE_WITH_RETINOID: (c) =>
    `${cap(names(c.sources))}: benzoyl peroxide can deactivate a retinoid and together they dry the skin. Use benzoyl peroxide in the morning and the retinoid at night, or alternate days.`,
  VITAMIN_C_WITH_ACIDS: (c) =>
    `${cap(names(c.sources))}: vitamin C and AHA/BHA together can sting. Use vitamin C in the morning and acids at night.`,
  MULTIPLE_EXFOLIANTS: (c) =>
    `More than one exfoliant (${names(c.sources)}): exfoliating with several at once damages the skin barrier. Use one at a time, a few nights a week.`,
};

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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
  const warnings: RecommendationWarning[] = findConflicts(sources).map((c) => ({
    code: c.code,
    message: CONFLICT_MESSAGES[c.code](c),
  }));

  const sunSensitising = sources.filter(
    (s) => s.leaveOn && s.actives.some((a) => a !== "vitamin-c" && SUN_SENSITISING.includes(a)),
  );
  // A sunscreen of their own that the person keeps counts: the routine says to keep using it.
  const pickedSunscreen = picks.some((p) => p.step === "sunscreen") || keptSteps(survey).includes("sunscreen");
  if (sunSensitising.length > 0 && !pickedSunscreen) {
    warnings.push({
      code: "NO_SUNSCREEN",
      message: `${cap(names(sunSensitising))} ${sunSensitising.length > 1 ? "make" : "makes"} your skin more sun-sensitive, and your routine has no sunscreen. Wear a broad-spectrum SPF 30+ every morning.`,
    });
  } else if (sunCalledForByConcern && !pickedSunscreen) {
    warnings.push({
      code: "NO_SUNSCREEN",
      message:
        "UV makes dark spots and redness worse, and no sunscreen in our catalog passed your filters. Wear any broad-spectrum SPF 30+ every morning.",
    });
  }

  const scented = picks.filter((p) => !p.fragranceFree);
  if (scented.length > 0 && survey.sensitivity !== "low") {
    warnings.push({
      code: "FRAGRANCE",
      message: `${scented.map((p) => `${p.brand} ${p.name}`).join(" and ")} ${scented.length > 1 ? "contain" : "contains"} fragrance, which can irritate sensitive skin. Choose "Avoid fragrance" if your skin reacts to scented products.`,
    });
  }

  const strongCurrent = survey.currentActives.filter((a) => ["retinoid", "aha", "bha", "benzoyl-peroxide"].includes(a));
  if (survey.sensitivity === "high" && strongCurrent.length > 0) {
    warnings.push({
      code: "SENSITIVITY_CURRENT_ACTIVES",
      message: `Your skin reacts often and you already use ${names(currentActiveSources(strongCurrent)).replace(/your current /g, "")}. Introduce new products one at a time and stop anything that stings or burns.`,
    });
  }
  const strongPicks = picks.filter((p) => p.strength === "strong");
  if (survey.sensitivity === "medium" && strongPicks.length > 0) {
    warnings.push({
      code: "SENSITIVITY_STRONG_PICK",
      message: `${strongPicks.map((p) => `${p.brand} ${p.name}`).join(" and ")} ${strongPicks.length > 1 ? "are" : "is"} strong. Start two or three nights a week and build up as your skin allows.`,
    });
  }

  if (needsPregnancySafe(survey) && survey.currentActives.includes("retinoid")) {
    warnings.push({
      code: "PREGNANCY_RETINOID",
      message:
        "Retinoids are not recommended during pregnancy or breastfeeding. Pause your retinoid and ask your doctor or pharmacist what to use instead.",
    });
  }
  return warnings;
}
