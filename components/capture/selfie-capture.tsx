"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { CameraView } from "./camera-view";
import type { PreparedPhoto } from "./image-processing";
import { UploadDrop } from "./upload-drop";

interface Props {
  onPhoto: (photo: PreparedPhoto) => void;
}

function hasCamera(): boolean {
  return typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Camera first when the browser has one; upload is always one tap away. */
export function SelfieCapture({ onPhoto }: Props) {
  const t = useTranslations("survey.capture");
  const [mode, setMode] = useState<"camera" | "upload">(() => (hasCamera() ? "camera" : "upload"));
  const onCapture = useCallback((photo: PreparedPhoto) => onPhoto(photo), [onPhoto]);

  return (
    <div className="flex flex-col gap-3 sm:gap-4">
      <div role="group" aria-label={t("howLabel")} className="mx-auto inline-flex rounded-full bg-slate-100 p-1">
        {(["camera", "upload"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className="rounded-full px-4 py-2 text-sm font-semibold text-slate-700 aria-pressed:bg-white aria-pressed:text-brand-700 aria-pressed:shadow"
          >
            {m === "camera" ? t("useCamera") : t("uploadPhoto")}
          </button>
        ))}
      </div>
      {mode === "camera" ? (
        <CameraView onCapture={onCapture} onUseUpload={() => setMode("upload")} />
      ) : (
        <UploadDrop onPhoto={onPhoto} onUseCamera={hasCamera() ? () => setMode("camera") : undefined} />
      )}
    </div>
  );
}
