"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type DragEvent } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { MIN_PHOTO_SHORT_SIDE } from "@/lib/domain/photo-limits";
import { PhotoError, prepareFile, type PreparedPhoto } from "./image-processing";

interface Props {
  onPhoto: (photo: PreparedPhoto) => void;
  onUseCamera?: () => void;
}

export function UploadDrop({ onPhoto, onUseCamera }: Props) {
  const t = useTranslations("survey.capture");
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const accept = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      onPhoto(await prepareFile(file));
    } catch (e) {
      setError(
        e instanceof PhotoError
          ? t(`photoError.${e.code}`, {
              mb: e.code === "TOO_LARGE" ? (file.size / 1024 / 1024).toFixed(1) : "",
              minSide: MIN_PHOTO_SHORT_SIDE,
            })
          : t("photoError.other"),
      );
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void accept(event.dataTransfer.files[0]);
  };

  return (
    <div className="flex flex-col gap-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-3xl border-2 border-dashed px-6 py-10 text-center transition-colors ${
          dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50"
        }`}
      >
        <svg
          viewBox="0 0 24 24"
          className="size-10 text-brand-600"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          aria-hidden="true"
        >
          <path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5" />
        </svg>
        <p className="text-slate-700">{t("drag")}</p>
        <label
          className={`${buttonStyles.primary} cursor-pointer has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600`}
        >
          {busy ? t("preparing") : t("choose")}
          <input
            id={inputId}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="sr-only"
            aria-describedby={`${inputId}-help`}
            onChange={(event) => {
              void accept(event.target.files?.[0]);
              event.target.value = ""; // allow choosing the same file again after an error
            }}
          />
        </label>
        <p id={`${inputId}-help`} className="text-sm text-slate-600">
          {t("help")}
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {onUseCamera ? (
        <button type="button" className={`${buttonStyles.ghost} self-center`} onClick={onUseCamera}>
          {t("useCameraInstead")}
        </button>
      ) : null}
    </div>
  );
}
