"use client";

import { useCallback, useState } from "react";
import { useErrorText } from "@/components/backend/use-error-text";
import type { BackendPort } from "@/lib/backend/port";

const exportFileName = (now: Date) => `skinsight-data-${now.toISOString().slice(0, 10)}.zip`;

type Action = { status: "idle" } | { status: "busy" } | { status: "done" } | { status: "error"; message: string };

/** Download and delete for the "Your data" page; the component only renders this. */
export function useMyData(backend: BackendPort, onDeleted: () => void) {
  const describeError = useErrorText();
  const [download, setDownload] = useState<Action>({ status: "idle" });
  const [removal, setRemoval] = useState<Action>({ status: "idle" });

  const downloadArchive = useCallback(async () => {
    setDownload({ status: "busy" });
    try {
      const blob = await backend.exportMyData();
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = exportFileName(new Date());
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked on the next tick: the click has handed the file to the browser by then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setDownload({ status: "done" });
    } catch (error) {
      setDownload({ status: "error", message: describeError(error) });
    }
  }, [backend, describeError]);

  const deleteAccount = useCallback(
    async (password: string) => {
      setRemoval({ status: "busy" });
      try {
        await backend.deleteAccount(password);
        setRemoval({ status: "done" });
        onDeleted();
      } catch (error) {
        setRemoval({ status: "error", message: describeError(error) });
      }
    },
    [backend, onDeleted, describeError],
  );

  const resetRemoval = useCallback(() => setRemoval({ status: "idle" }), []);
  return { download, removal, downloadArchive, deleteAccount, resetRemoval };
}
