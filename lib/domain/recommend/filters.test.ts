import { describe, expect, it } from "vitest";
import { makeProduct, makeSurvey } from "@/testing/recommend/fixtures";
import { eligibleProducts, failedFilters } from "./filters";
import type { Product } from "../catalog/product";
import type { Survey } from "../survey";

const cases: { name: string; product: Partial<Product>; survey: Partial<Survey>; failed: string[] }[] = [
  {
    name: "a RM50 product on an under-RM50 budget",
    product: { priceRm: 50 },
    survey: { budget: "under-50" },
    failed: ["budget"],
  },
  {
    name: "a RM49.99 product on an under-RM50 budget",
    product: { priceRm: 49.99 },
    survey: { budget: "under-50" },
    failed: [],
  },
  {
    name: "a RM500 product on an over-RM150 budget",
    product: { priceRm: 500 },
    survey: { budget: "over-150" },
    failed: [],
  },
  {
    name: "a scented product when fragrance is avoided",
    product: { fragranceFree: false },
    survey: { fragrance: "avoid" },
    failed: ["fragrance"],
  },
  {
    name: "a scented product when fragrance is fine",
    product: { fragranceFree: false },
    survey: { fragrance: "ok" },
    failed: [],
  },
  {
    name: "a strong product for highly sensitive skin",
    product: { strength: "strong" },
    survey: { sensitivity: "high" },
    failed: ["sensitivity"],
  },
  {
    name: "a not-sensitive-ok product for highly sensitive skin",
    product: { sensitiveOk: false },
    survey: { sensitivity: "high" },
    failed: ["sensitivity"],
  },
  {
    name: "a strong product for medium sensitivity",
    product: { strength: "strong", sensitiveOk: false },
    survey: { sensitivity: "medium" },
    failed: [],
  },
  {
    name: "a product flagged unsafe in pregnancy",
    product: { pregnancySafe: false },
    survey: { pregnancy: "yes" },
    failed: ["pregnancy"],
  },
  {
    name: "a retinoid wrongly flagged pregnancy-safe",
    product: { keyActives: ["retinoid"] },
    survey: { pregnancy: "prefer-not-to-say" },
    failed: ["pregnancy"],
  },
  {
    name: "5% salicylic acid wrongly flagged pregnancy-safe",
    product: { keyActives: ["bha"], salicylicPercent: 5 },
    survey: { pregnancy: "yes" },
    failed: ["pregnancy"],
  },
  {
    name: "2% salicylic acid in pregnancy",
    product: { keyActives: ["bha"], salicylicPercent: 2 },
    survey: { pregnancy: "yes" },
    failed: [],
  },
  {
    name: "a retinoid when not pregnant",
    product: { keyActives: ["retinoid"], pregnancySafe: false },
    survey: { pregnancy: "no" },
    failed: [],
  },
  {
    name: "an oily-skin product for dry skin",
    product: { skinTypes: ["oily"] },
    survey: { skinType: "dry" },
    failed: ["skin-type"],
  },
  {
    name: "everything wrong at once",
    product: { priceRm: 200, fragranceFree: false, strength: "strong", pregnancySafe: false, skinTypes: ["oily"] },
    survey: { budget: "50-150", fragrance: "avoid", sensitivity: "high", pregnancy: "yes", skinType: "dry" },
    failed: ["budget", "fragrance", "sensitivity", "pregnancy", "skin-type"],
  },
];

describe("hard filters", () => {
  it.each(cases)("$name fails $failed", ({ product, survey, failed }) => {
    expect(failedFilters(makeProduct({ id: "p", ...product }), makeSurvey(survey))).toEqual(failed);
  });

  it("relaxing a filter lets back exactly the products it blocked", () => {
    const products = [makeProduct({ id: "ok" }), makeProduct({ id: "scented", fragranceFree: false })];
    const survey = makeSurvey({ fragrance: "avoid" });
    expect(eligibleProducts(products, survey).map((p) => p.id)).toEqual(["ok"]);
    expect(eligibleProducts(products, survey, ["fragrance"]).map((p) => p.id)).toEqual(["ok", "scented"]);
  });
});
