import { useTranslations } from "next-intl";
import { useRenderMessage } from "@/components/ui/use-render-message";
import { passwordChecks } from "@/lib/domain/account-rules";

/** The password policy as a live checklist, shown before anyone submits. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  const t = useTranslations("auth");
  const render = useRenderMessage();
  return (
    <ul id={id} className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2" aria-label={t("rulesLabel")}>
      {passwordChecks(password).map((check) => (
        <li key={check.id} className={check.ok ? "text-brand-700" : "text-slate-600"} data-ok={check.ok}>
          <span aria-hidden="true">{check.ok ? "✓ " : "○ "}</span>
          {render(check.label)}
          <span className="sr-only">{check.ok ? ` ${t("ruleDone")}` : ` ${t("ruleNotYet")}`}</span>
        </li>
      ))}
    </ul>
  );
}
