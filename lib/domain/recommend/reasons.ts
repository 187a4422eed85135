import { listOf, message, type Message } from "../message";
import { explainFor } from "./explanations";
import { callsForSunscreen, type SunscreenTrigger } from "./select";
import { matchedGoals, type ConcernSignal } from "./signals";
import type { Product } from "../catalog/product";
import type { Concern, Survey } from "../survey";

const MAX_CONCERN_REASONS = 2;

const SUN_ACTIVES = ["retinoid", "aha", "bha", "vitamin-c"] as const;

/** A score's name inside a sentence ("breakout", "dark-spot"); messages `recommend.scoreName.<key>`. */
const scoreName = (key: string) => message(`recommend.scoreName.${key}`);
const concernName = (concern: Concern) => message(`recommend.concern.${concern}`);

function concernReason(product: Product, signal: ConcernSignal): Message {
  const why = explainFor(product, signal.concern);
  if (signal.score !== null) {
    return message("recommend.reason.score", { score: scoreName(signal.score.key), grade: signal.score.grade, why });
  }
  return message("recommend.reason.said", { concern: concernName(signal.concern), why });
}

function sunscreenReason(
  trigger: SunscreenTrigger,
  signals: Map<Concern, ConcernSignal>,
  survey: Survey,
  picks: readonly Product[],
): Message | null {
  if (trigger === "concern") {
    const names = (["pigmentation", "redness"] as const)
      .filter((c) => signals.has(c))
      .map((c) => {
        const score = signals.get(c)?.score;
        return score
          ? message("recommend.reason.scoreOf", { score: scoreName(score.key), grade: score.grade })
          : concernName(c);
      });
    return message("recommend.reason.sunForConcerns", { concerns: listOf(names) });
  }
  if (trigger === "current-active") {
    const used = survey.currentActives.filter((a) => (SUN_ACTIVES as readonly string[]).includes(a));
    return message("recommend.reason.sunForActives", {
      actives: listOf(used.map((a) => message(`recommend.activeWithArticle.${a}`))),
      count: used.length,
    });
  }
  const active = picks.find((p) => p.step !== "sunscreen" && callsForSunscreen(p));
  if (active === undefined) return null;
  return message("recommend.reason.sunForPick", { product: `${active.brand} ${active.name}` });
}

export interface ReasonContext {
  survey: Survey;
  signals: Map<Concern, ConcernSignal>;
  sunscreenTrigger: SunscreenTrigger | null;
  picks: readonly Product[];
}

/** Reasons name the score or answer behind the pick, strongest first. */
export function reasonsFor(product: Product, ctx: ReasonContext): Message[] {
  const { survey, signals } = ctx;
  const reasons: Message[] = [];
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
      message("recommend.reason.goals", {
        goals: listOf(goals.map((g) => message(`recommend.goal.${g}`))),
        count: goals.length,
      }),
    );
  }
  reasons.push(message("recommend.reason.skinType", { skinType: message(`recommend.skinType.${survey.skinType}`) }));
  if (survey.sensitivity !== "low" && product.sensitiveOk) reasons.push(message("recommend.reason.sensitive"));
  if (survey.fragrance === "avoid") reasons.push(message("recommend.reason.fragranceFree"));
  return reasons;
}
