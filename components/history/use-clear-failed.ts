"use client";

import { useCallback, useState } from "react";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/backend/use-error-text";

/** Every failed check across all pages of history, deleted in one go. */
export function useClearFailed(backend: BackendPort, onCleared: (ids: readonly string[]) => void) {
  const t = useTranslations("history");
  const describeError = useErrorText();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  /** True when every failed check is gone. */
  const clear = useCallback(async (): Promise<boolean> => {
    setState({ busy: true, error: null });
    const deleted: string[] = [];
    try {
      const failed: Analysis[] = [];
      let cursor: string | null = null;
      do {
        const page = await backend.listAnalyses(cursor);
        failed.push(...page.items.filter((a) => a.status === "FAILED"));
        cursor = page.nextCursor;
      } while (cursor !== null);
      for (const analysis of failed) {
        await backend.deleteAnalysis(analysis.id);
        deleted.push(analysis.id);
      }
      setState({ busy: false, error: null });
      return true;
    } catch (error) {
      setState({ busy: false, error: describeError(error, t("clearError")) });
      return false;
    } finally {
      if (deleted.length > 0) onCleared(deleted);
    }
  }, [backend, onCleared, describeError, t]);

  const reset = useCallback(() => setState({ busy: false, error: null }), []);
  return { ...state, clear, reset };
}
