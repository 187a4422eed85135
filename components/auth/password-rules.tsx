import { passwordChecks } from "@/lib/domain/account-rules";

/** The password policy as a live checklist, shown before anyone submits. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  return (
    <ul id={id} className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2" aria-label="Password must have">
      {passwordChecks(password).map((check) => (
        <li key={check.id} className={check.ok ? "text-brand-700" : "text-slate-600"} data-ok={check.ok}>
          <span aria-hidden="true">{check.ok ? "✓ " : "○ "}</span>
          {check.label}
          <span className="sr-only">{check.ok ? " (done)" : " (not yet)"}</span>
        </li>
      ))}
    </ul>
  );
}
