import { useCallback, useState } from "react";
import { useErrorText } from "./use-error-text";

export interface ActionState {
  busy: boolean;
  /** A plain-words message for the last failure, in the person's language; null while busy or after a success. */
  error: string | null;
}

const IDLE: ActionState = { busy: false, error: null };

/**
 * The busy flag and error message of one backend action (a button's work), so components do not
 * each keep the pair by hand. `run` resolves to whether the task succeeded; it never throws.
 */
export function useAction(fallback?: string) {
  const describeError = useErrorText();
  const [state, setState] = useState<ActionState>(IDLE);

  const run = useCallback(
    async (task: () => Promise<unknown>): Promise<boolean> => {
      setState({ busy: true, error: null });
      try {
        await task();
        setState(IDLE);
        return true;
      } catch (error) {
        setState({ busy: false, error: describeError(error, fallback) });
        return false;
      }
    },
    [fallback, describeError],
  );
  /** Shows a failure that happened outside `run` (e.g. a start requested by a subscription). */
  const fail = useCallback(
    (error: unknown) => setState({ busy: false, error: describeError(error, fallback) }),
    [fallback, describeError],
  );
  const reset = useCallback(() => setState(IDLE), []);

  return { ...state, run, fail, reset };
}
