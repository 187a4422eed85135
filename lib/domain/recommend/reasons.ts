import type { Product } from "../catalog/product";
import { CONCERN_LABELS, GOAL_LABELS, SKIN_TYPE_LABELS, type Concern, type Survey } from "../survey";
import { explainFor } from "./explanations";
import { callsForSunscreen, type SunscreenTrigger } from "./select";
import { matchedGoals, SCORE_NAME, type ConcernSignal } from "./signals";

const MAX_CONCERN_REASONS = 2;

const ACTIVE_NOUN = { retinoid: "a retinoid", aha: "an AHA", bha: "a BHA", "vitamin-c": "vitamin C" } as const;

function concernReason(product: Product, signal: ConcernSignal): string {
  const why = explainFor(product, signal.concern);
  if (signal.score !== null) return `Your ${SCORE_NAME[signal.score.key]} score is ${signal.score.grade}/3: ${why}.`;
  return `You said ${CONCERN_LABELS[signal.concern].toLowerCase()} concern you: ${why}.`;
}

function sunscreenReason(
  trigger: SunscreenTrigger,
  signals: Map<Concern, ConcernSignal>,
  survey: Survey,
  picks: readonly Product[],
): string | null {
  if (trigger === "concern") {
    const names = (["pigmentation", "redness"] as const)
      .filter((c) => signals.has(c))
      .map((c) => {
        const score = signals.get(c)?.score;
        return score ? `${SCORE_NAME[score.key]} score of ${score.grade}/3` : CONCERN_LABELS[c].toLowerCase();
      });
    return `Added for your ${names.join(" and ")}: daily SPF stops UV from making it worse.`;
  }
  if (trigger === "current-active") {
    const used = survey.currentActives.flatMap((a) =>
      a in ACTIVE_NOUN ? [ACTIVE_NOUN[a as keyof typeof ACTIVE_NOUN]] : [],
    );
    return `Added because you use ${used.join(" and ")}: ${used.length > 1 ? "they make" : "it makes"} skin more sun-sensitive, so daily SPF is a must.`;
  }
  const active = picks.find((p) => p.step !== "sunscreen" && callsForSunscreen(p));
  if (active === undefined) return null;
  return `Added because ${active.brand} ${active.name} makes skin more sun-sensitive: daily SPF protects your results.`;
}

export interface ReasonContext {
  survey: Survey;
  signals: Map<Concern, ConcernSignal>;
  sunscreenTrigger: SunscreenTrigger | null;
  picks: readonly Product[];
}

/** Reasons name the score or answer behind the pick, strongest first. */
export function reasonsFor(product: Product, ctx: ReasonContext): string[] {
  const { survey, signals } = ctx;
  const reasons: string[] = [];
  if (product.step === "sunscreen" && ctx.sunscreenTrigger !== null) {
    const reason = sunscreenReason(ctx.sunscreenTrigger, signals, survey, ctx.picks);
    if (reason !== null) reasons.push(reason);
  }
  const matched = product.concerns
    .flatMap((c) => {
      const signal = signals.get(c);
      return signal ? [signal] : [];
    })
    .sort((a, b) => b.weight - a.weight || (a.concern < b.concern ? -1 : 1));
  for (const signal of matched.slice(0, MAX_CONCERN_REASONS)) reasons.push(concernReason(product, signal));
  const goals = matchedGoals(product, survey.goals);
  if (goals.length > 0) {
    reasons.push(
      `Fits your goal${goals.length > 1 ? "s" : ""}: ${goals.map((g) => GOAL_LABELS[g].toLowerCase()).join(", ")}.`,
    );
  }
  const skinType = SKIN_TYPE_LABELS[survey.skinType].replace(/ \(.*\)$/, "").toLowerCase();
  reasons.push(`Suits ${skinType} skin.`);
  if (survey.sensitivity !== "low" && product.sensitiveOk) reasons.push("Made for sensitive skin.");
  if (survey.fragrance === "avoid") reasons.push("Fragrance-free, as you asked.");
  return reasons;
}
