"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useAction } from "@/components/backend/use-action";
import type { BackendPort } from "@/lib/backend/port";
import type { Analysis } from "@/lib/domain/analysis";

/** Every failed check across all pages of history, deleted in one go. */
export function useClearFailed(backend: BackendPort, onCleared: (ids: readonly string[]) => void) {
  const t = useTranslations("history");
  const { busy, error, run, reset } = useAction(t("clearError"));

  /** True when every failed check is gone. */
  const clear = useCallback(async (): Promise<boolean> => {
    const deleted: string[] = [];
    try {
      return await run(async () => {
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
      });
    } finally {
      if (deleted.length > 0) onCleared(deleted);
    }
  }, [backend, onCleared, run]);

  return { busy, error, clear, reset };
}
