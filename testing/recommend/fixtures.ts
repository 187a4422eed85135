import { lazadaSearchUrl, shopeeSearchUrl, type Product } from "../../lib/domain/catalog/product";
import { SKIN_REPORT_VERSION, type ScoreKey, type SkinReport } from "../../lib/domain/skin-report";
import type { Survey } from "../../lib/domain/survey";

/** A valid survey; override only what a test is about. */
export function makeSurvey(overrides: Partial<Survey> = {}): Survey {
  return {
    skinType: "normal",
    concerns: ["acne"],
    goals: ["clear-breakouts"],
    sensitivity: "low",
    currentActives: [],
    fragrance: "ok",
    pregnancy: "no",
    budget: "50-150",
    ...overrides,
  };
}

/** A passing-quality report whose grades are 0 except those given. */
export function makeReport(grades: Partial<Record<ScoreKey, number>> = {}, qualityOk = true): SkinReport {
  const score = (key: ScoreKey) => ({
    grade: grades[key] ?? 0,
    raw: grades[key] ?? 0,
    metric: "test",
    confidence: 0.9,
  });
  return {
    version: SKIN_REPORT_VERSION,
    image: { width: 640, height: 640 },
    quality: {
      ok: qualityOk,
      issues: qualityOk ? [] : [{ code: "BLURRY", message: "The photo is blurry." }],
      sharpness: 1,
      exposure: 0.5,
      faceWidthPx: 400,
      pose: { yaw: 0, pitch: 0, roll: 0 },
    },
    tone: { ita: 30, category: "intermediate" },
    scores: qualityOk
      ? {
          acne: score("acne"),
          redness: score("redness"),
          pigmentation: score("pigmentation"),
          pores: score("pores"),
          shine: score("shine"),
          underEye: score("underEye"),
        }
      : null,
    findings: [],
    regions: {},
    timings: { total: 1 },
  };
}

/** A valid product for hand-built catalogs; links follow the catalog's own rule. */
export function makeProduct(overrides: Partial<Product> & Pick<Product, "id">): Product {
  const brand = overrides.brand ?? "Brand";
  const name = overrides.name ?? overrides.id;
  return {
    brand,
    name,
    step: "serum",
    keyActives: [],
    strength: "gentle",
    concerns: ["acne"],
    skinTypes: ["normal", "oily", "dry", "combination"],
    fragranceFree: true,
    sensitiveOk: true,
    pregnancySafe: true,
    priceRm: 30,
    size: "30 ml",
    use: { am: true, pm: true },
    links: { shopee: shopeeSearchUrl(brand, name), lazada: lazadaSearchUrl(brand, name) },
    ...overrides,
  };
}
