// Why the most-picked products are picked: the only fit in their step, or a near-tie broken the same way each time.
import type { Product } from "@/lib/domain/catalog";
import { eligibleProducts, recommend } from "@/lib/domain/recommend";
import { addsConflict, currentActiveSources, productSource } from "@/lib/domain/recommend/conflicts";
import { preferenceTier } from "@/lib/domain/recommend/order";
import { rankProducts, scoringContext } from "@/lib/domain/recommend/scoring";
import { stepGroup } from "@/lib/domain/recommend/select";
import { concernSignals } from "@/lib/domain/recommend/signals";
import { KEEPABLE_STEPS, type Survey } from "@/lib/domain/survey";

export interface TopPickDiagnosis {
  id: string;
  picks: number;
  /** No other product of its step group is as good a fit (same preference tier) and sits with the other picks. */
  onlyFit: number;
  /** Another such product scored within 1 point: a near-tie. */
  nearTie: number;
  /** The person keeps their own cleanser, moisturiser and sunscreen, so only treatment, toner and eye steps remain. */
  keepsAllBasics: number;
}

const NEAR_TIE = 1;

export function diagnoseTopPicks(
  catalog: readonly Product[],
  surveys: readonly Survey[],
  ids: readonly string[],
): TopPickDiagnosis[] {
  const rows = new Map(ids.map((id) => [id, { id, picks: 0, onlyFit: 0, nearTie: 0, keepsAllBasics: 0 }]));
  for (const survey of surveys) {
    const rec = recommend(null, survey, catalog);
    const ranked = rankProducts(
      eligibleProducts(catalog, survey),
      scoringContext(survey, concernSignals(null, survey)),
    );
    const current = currentActiveSources(survey.currentActives);
    for (const pick of rec.picks) {
      const row = rows.get(pick.productId);
      const me = ranked.find((s) => s.product.id === pick.productId);
      if (row === undefined || me === undefined) continue;
      row.picks += 1;
      if (KEEPABLE_STEPS.every((step) => survey.keepUsing?.includes(step))) row.keepsAllBasics += 1;
      const others = ranked.filter((s) =>
        rec.picks.some((p) => p.productId !== pick.productId && p.productId === s.product.id),
      );
      const alternatives = ranked.filter(
        (s) =>
          s !== me &&
          stepGroup(s.product.step) === stepGroup(me.product.step) &&
          preferenceTier(s, survey) <= preferenceTier(me, survey) &&
          !others.some((o) => o.product.brand === s.product.brand) &&
          !addsConflict(productSource(s.product), [...others.map((o) => productSource(o.product)), ...current]),
      );
      if (alternatives.length === 0) row.onlyFit += 1;
      else if (alternatives.some((s) => me.score - s.score <= NEAR_TIE)) row.nearTie += 1;
    }
  }
  return [...rows.values()];
}
