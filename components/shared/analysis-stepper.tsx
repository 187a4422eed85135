import { useTranslations } from "next-intl";
import { useLocaleFormat } from "@/components/ui/use-locale-format";
import { STAGES, stageTimeSeconds, visibleStages } from "./stages";

interface Props {
  current: number;
  failed?: boolean;
  /** Seconds each finished stage took, as seen live; missing when a stage was passed before we looked. */
  durations?: Partial<Record<number, number>>;
  uploadPercent?: number | null;
  /** The model endpoint is cold and being retried (see stages.ts WAKING_STAGE). */
  waking?: boolean;
}

/** The live progress stepper; the text line is the aria-live announcement of each change. */
export function AnalysisStepper({
  current,
  failed = false,
  durations = {},
  uploadPercent = null,
  waking = false,
}: Props) {
  const stages = visibleStages(waking && !failed);
  const t = useTranslations("results");
  const format = useLocaleFormat();
  const stage = stages[current] ?? STAGES[0];
  const announcement = failed
    ? t("stepper.stoppedAt", { stage: t(`stage.${stage.key}.label`) })
    : t(`stage.${stage.key}.active`);
  return (
    <div className="flex flex-col gap-4" data-testid="analysis-stepper" data-stage={stage.key}>
      <ol className="grid grid-cols-5 gap-1 sm:gap-2" aria-label={t("stepper.label")}>
        {stages.map((s, i) => {
          const state =
            i < current || (i === current && s.key === "done")
              ? "complete"
              : i === current
                ? failed
                  ? "failed"
                  : "current"
                : "upcoming";
          const seconds = stageTimeSeconds(durations[i]);
          const time =
            seconds === null
              ? null
              : t("stepper.seconds", {
                  seconds: format.number(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                });
          return (
            <li
              key={s.key}
              className="flex flex-col items-center gap-2 text-center"
              aria-current={state === "current" ? "step" : undefined}
              data-state={state}
            >
              <span
                className={`flex size-9 items-center justify-center rounded-full border-2 text-sm font-bold ${
                  state === "complete"
                    ? "border-brand-600 bg-brand-600 text-white"
                    : state === "current"
                      ? "animate-pulse border-brand-600 bg-brand-50 text-brand-700"
                      : state === "failed"
                        ? "border-red-600 bg-red-50 text-red-700"
                        : "border-slate-300 bg-white text-slate-500"
                }`}
                aria-hidden="true"
              >
                {state === "complete" ? "✓" : state === "failed" ? "!" : i + 1}
              </span>
              <span
                className={`text-xs leading-tight sm:text-sm ${state === "upcoming" ? "text-slate-500" : "font-medium text-slate-900"}`}
              >
                {t(`stage.${s.key}.label`)}
                <span className="sr-only">
                  {state === "complete"
                    ? ` ${t("stepper.done")}`
                    : state === "current"
                      ? ` ${t("stepper.inProgress")}`
                      : state === "failed"
                        ? ` ${t("stepper.failed")}`
                        : ""}
                </span>
              </span>
              {time !== null ? (
                <span className="text-xs text-slate-600" data-testid={`stage-time-${s.key}`}>
                  {time}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {uploadPercent !== null && current === 0 ? (
        <div className="flex flex-col gap-1">
          <div
            role="progressbar"
            aria-label={t("stepper.upload")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(uploadPercent)}
            className="h-2 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${uploadPercent}%` }} />
          </div>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="text-center text-base font-medium text-slate-800">
        {announcement}
        {uploadPercent !== null && current === 0 ? ` ${Math.round(uploadPercent)}%` : ""}
      </p>
    </div>
  );
}
