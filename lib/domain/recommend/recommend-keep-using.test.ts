import { describe, expect, it } from "vitest";
import { renderEnglish, renderIn } from "@/testing/i18n/render-english";
import { makeSurvey } from "@/testing/recommend/fixtures";
import { assertScenario, catalog, mini, type Scenario } from "@/testing/recommend/scenario-harness";
import { surveySchema } from "../survey";
import { recommend } from "./index";
import type { MessageValue } from "../message";

const KEEP = /^Keep using yours/;
const isKeep = (label: MessageValue) => KEEP.test(renderEnglish(label));

// Issue 12: a routine step says "keep using yours" when the person already has one they like.
const scenarios: Scenario[] = [
  {
    name: "keeps their sunscreen: dark spots call for one, but the picks go to other steps and no warning asks for SPF",
    survey: {
      concerns: ["pigmentation"],
      goals: ["even-tone"],
      keepUsing: ["sunscreen"],
    },
    expect: {
      count: 3,
      lacksStep: ["sunscreen"],
      noWarnings: ["NO_SUNSCREEN"],
      amLabels: [KEEP],
    },
  },
  {
    name: "keeps their sunscreen and uses a retinoid: no warning that the routine lacks a sunscreen",
    survey: {
      concerns: ["fine-lines"],
      goals: ["anti-ageing"],
      currentActives: ["retinoid"],
      keepUsing: ["sunscreen"],
    },
    expect: {
      count: 3,
      lacksStep: ["sunscreen"],
      noWarnings: ["NO_SUNSCREEN"],
    },
  },
  {
    name: "keeps cleanser and moisturiser: three picks from other steps",
    survey: {
      concerns: ["dryness", "redness"],
      goals: ["hydration"],
      keepUsing: ["cleanser", "moisturiser"],
    },
    expect: {
      count: 3,
      lacksStep: ["cleanser", "moisturiser"],
      distinctBrands: true,
    },
  },
  {
    name: "keeps nothing: every routine step is a catalogue product",
    survey: { concerns: ["acne"], keepUsing: [] },
    expect: { count: 3, allCatalogueSteps: true },
  },
  {
    name: "keeps a cleanser in a catalogue of one product per step: the other three are picked",
    survey: {
      concerns: ["acne", "dryness", "pigmentation"],
      keepUsing: ["cleanser"],
    },
    catalog: mini,
    expect: { pickIds: ["mini-serum", "mini-moisturiser", "mini-sunscreen"] },
  },
];

describe("recommend: keep using yours (issue 12)", () => {
  it.each(scenarios)("$name", (s) => assertScenario(s));

  it("says 'keep using yours' at each kept step, morning and evening, and nowhere else", () => {
    const survey = makeSurvey({
      concerns: ["acne", "pores"],
      keepUsing: ["cleanser", "moisturiser"],
    });
    const rec = recommend(null, survey, catalog);
    const kept = (items: typeof rec.routine.am) => items.filter((i) => isKeep(i.label)).map((i) => i.step);
    expect(kept(rec.routine.am)).toEqual(["cleanser", "moisturiser"]);
    expect(kept(rec.routine.pm)).toEqual(["cleanser", "moisturiser"]);
    for (const item of [...rec.routine.am, ...rec.routine.pm].filter((i) => isKeep(i.label))) {
      expect(item.productId).toBeNull();
    }
  });

  it("says it in the person's language", () => {
    const rec = recommend(null, makeSurvey({ concerns: ["acne"], keepUsing: ["sunscreen"] }), catalog);
    const item = rec.routine.am.find((i) => i.step === "sunscreen");
    expect(item?.productId).toBeNull();
    expect(renderEnglish(item?.label ?? "")).toBe("Keep using yours: your own sunscreen");
    expect(renderIn("ms", item?.label ?? "")).toBe("Teruskan guna produk anda: pelindung matahari anda sendiri");
  });

  it("spends a pick on a kept step only when the other steps cannot make up three", () => {
    // mini has one product per step; keeping two of four leaves two, so one kept step gets the third pick.
    const rec = recommend(
      null,
      makeSurvey({
        concerns: ["acne", "dryness"],
        keepUsing: ["cleanser", "moisturiser"],
      }),
      mini,
    );
    expect(rec.picks).toHaveLength(3);
    const picked = rec.picks.map((p) => p.step);
    expect(picked).toContain("serum");
    expect(picked).toContain("sunscreen");
    const keptPick = picked.find((s) => s === "cleanser" || s === "moisturiser");
    expect(keptPick).toBeDefined();
    // That step shows the pick; the other kept step still says to keep theirs.
    const amSteps = rec.routine.am.filter((i) => i.step === "cleanser" || i.step === "moisturiser");
    expect(amSteps.map((i) => (i.productId === null ? "keep" : i.step))).toContain(keptPick);
    expect(amSteps.some((i) => i.productId === null && isKeep(i.label))).toBe(true);
  });

  it("gives the same picks as before for a survey that never answered the question", () => {
    // makeSurvey leaves keepUsing out, as a survey stored before the question would.
    const old = makeSurvey({ concerns: ["redness"] });
    expect(old).not.toHaveProperty("keepUsing");
    expect(recommend(null, old, catalog)).toEqual(
      recommend(null, makeSurvey({ concerns: ["redness"], keepUsing: [] }), catalog),
    );
  });
});

describe("survey: keepUsing", () => {
  const base = makeSurvey();
  it("is optional, so surveys stored before the question still parse", () => {
    expect(base).not.toHaveProperty("keepUsing");
    expect(surveySchema.safeParse(base).success).toBe(true);
  });
  it("accepts the three basic steps and refuses others and repeats", () => {
    expect(
      surveySchema.safeParse({
        ...base,
        keepUsing: ["cleanser", "moisturiser", "sunscreen"],
      }).success,
    ).toBe(true);
    expect(surveySchema.safeParse({ ...base, keepUsing: ["serum"] }).success).toBe(false);
    expect(surveySchema.safeParse({ ...base, keepUsing: ["cleanser", "cleanser"] }).success).toBe(false);
  });
});
