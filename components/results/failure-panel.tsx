import { useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button-styles";
import { useRenderMessage } from "@/components/ui/use-render-message";
import { failureMessage, type Failure } from "@/lib/domain/analysis";
import { qualityFixMessage } from "@/lib/domain/skin-report";

interface Props {
  failure: Failure;
  busy: boolean;
  error: string | null;
  onRetake: () => void;
  onRetry: () => void;
}

export function FailurePanel({ failure, busy, error, onRetake, onRetry }: Props) {
  const t = useTranslations("results.failurePanel");
  const render = useRenderMessage();
  return (
    <section
      role="alert"
      aria-labelledby="failure-heading"
      className="flex flex-col gap-4 rounded-3xl border border-red-200 bg-red-50 p-6"
      data-testid="failure-panel"
    >
      <h2 id="failure-heading" className="text-xl font-bold text-red-900">
        {failure.code === "QUALITY" ? t("qualityTitle") : t("otherTitle")}
      </h2>
      <p className="text-red-900">{render(failureMessage(failure))}</p>
      {failure.issues && failure.issues.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {failure.issues.map((issue) => (
            <li key={issue.code} className="flex gap-2 rounded-xl bg-white p-3 text-slate-800">
              <span aria-hidden="true" className="text-red-700">
                ●
              </span>
              {render(qualityFixMessage(issue.code))}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p className="text-sm font-medium text-red-800">{error}</p> : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        {failure.retryable ? (
          <button type="button" className={buttonStyles.primary} onClick={onRetry} disabled={busy}>
            {busy ? t("retrying") : t("retry")}
          </button>
        ) : null}
        <button
          type="button"
          className={failure.retryable ? buttonStyles.secondary : buttonStyles.primary}
          onClick={onRetake}
          disabled={busy}
        >
          {t("retake")}
        </button>
      </div>
    </section>
  );
}
