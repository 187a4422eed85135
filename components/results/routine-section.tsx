import { useTranslations } from "next-intl";
import { useRenderMessage } from "@/components/ui/use-render-message";
import { describeMessage } from "@/lib/domain/message";
import { NOT_MEDICAL_ADVICE_NOTE } from "@/lib/domain/recommend/notes";
import type { Recommendation } from "@/lib/domain/recommend/recommendation";

interface RoutineListProps {
  title: string;
  items: Recommendation["routine"]["am"];
  icon: string;
  pickIds: readonly string[];
}

function RoutineList({ title, items, icon, pickIds }: RoutineListProps) {
  const t = useTranslations();
  const render = useRenderMessage();
  return (
    <div className="flex-1 rounded-2xl border border-slate-200 bg-white p-5">
      <h3 className="flex items-center gap-2 font-semibold text-slate-900">
        <span aria-hidden="true">{icon}</span>
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("results.routine.nothingExtra")}</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-2">
          {items.map((item, i) => (
            <li key={`${item.step}-${i}`} className="flex gap-3 text-sm">
              <span
                className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-bold text-brand-700"
                aria-hidden="true"
              >
                {i + 1}
              </span>
              <span>
                <span className="font-medium text-slate-900">{t(`labels.step.${item.step}`)}</span>
                <span className="text-slate-700"> · {render(item.label)}</span>
                {item.productId !== null && !pickIds.includes(item.productId) ? (
                  <span className="text-slate-600"> {t("results.routine.completes")}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function RoutineSection({ recommendation }: { recommendation: Recommendation }) {
  const pickIds = recommendation.picks.map((p) => p.productId);
  // The site footer carries the one not-medical-advice line per page.
  const notes = recommendation.notes.filter((n) => n.key !== NOT_MEDICAL_ADVICE_NOTE.key);
  const t = useTranslations("results.routine");
  const render = useRenderMessage();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 md:flex-row">
        <RoutineList title={t("morning")} icon="☀" items={recommendation.routine.am} pickIds={pickIds} />
        <RoutineList title={t("evening")} icon="☾" items={recommendation.routine.pm} pickIds={pickIds} />
      </div>
      {recommendation.warnings.length > 0 ? (
        <div className="rounded-2xl border border-amber-300 bg-amber-50 p-5">
          <h3 className="font-semibold text-amber-950">{t("goodToKnow")}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-950">
            {recommendation.warnings.map((w) => (
              <li key={w.code + describeMessage(w.message)}>{render(w.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notes.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm text-slate-600">
          {notes.map((note) => (
            <li key={describeMessage(note)}>{render(note)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
