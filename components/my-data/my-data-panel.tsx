"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { BackendPort } from "@/lib/backend/port";
import { useMyData } from "./use-my-data";

export function MyDataPanel({ backend, onDeleted }: { backend: BackendPort; onDeleted: () => void }) {
  const t = useTranslations("myData");
  const { download, removal, downloadArchive, deleteAccount, resetRemoval } = useMyData(backend, onDeleted);
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState("");

  return (
    <div className="flex flex-col gap-6">
      <section
        aria-labelledby="download-title"
        className="flex flex-col items-start gap-3 rounded-3xl border border-slate-200 bg-white p-6"
      >
        <h2 id="download-title" className="text-xl font-semibold">
          {t("downloadTitle")}
        </h2>
        <p className="text-slate-700">{t("downloadBody")}</p>
        <button
          type="button"
          className={buttonStyles.primary}
          disabled={download.status === "busy"}
          onClick={() => void downloadArchive()}
        >
          {download.status === "busy" ? t("downloading") : t("downloadAction")}
        </button>
        <p aria-live="polite" className="text-sm text-slate-700">
          {download.status === "done" ? t("downloaded") : null}
        </p>
        {download.status === "error" ? (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {download.message}
          </p>
        ) : null}
      </section>

      <section
        aria-labelledby="delete-title"
        className="flex flex-col items-start gap-3 rounded-3xl border border-red-200 bg-white p-6"
      >
        <h2 id="delete-title" className="text-xl font-semibold">
          {t("deleteTitle")}
        </h2>
        <p className="text-slate-700">{t("deleteBody")}</p>
        <button type="button" className={buttonStyles.danger} onClick={() => setConfirming(true)}>
          {t("deleteAction")}
        </button>
      </section>

      <ConfirmDialog
        open={confirming}
        title={t("confirmTitle")}
        message={t("confirmMessage")}
        confirmLabel={t("confirmLabel")}
        busy={removal.status === "busy"}
        error={removal.status === "error" ? removal.message : null}
        canConfirm={password.length > 0}
        onConfirm={() => void deleteAccount(password)}
        onCancel={() => {
          setConfirming(false);
          setPassword("");
          resetRemoval();
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t("passwordLabel")}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className="rounded-lg border border-slate-300 px-3 py-2 text-base font-normal"
          />
        </label>
      </ConfirmDialog>
    </div>
  );
}
