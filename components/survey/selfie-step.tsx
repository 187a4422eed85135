"use client";

/* eslint-disable @next/next/no-img-element -- blob: URLs of a local photo; next/image cannot optimise them */
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { useErrorText } from "@/components/backend/use-error-text";
import { AnalysisStepper } from "@/components/shared/analysis-stepper";
import { buttonStyles } from "@/components/ui/button-styles";
import type { BackendPort } from "@/lib/backend/port";
import { STRONG_COMPRESSION_BELOW } from "@/lib/domain/jpeg-quality";
import { toSurvey, type WizardValues } from "./wizard-schema";

/** What the step needs of a photo; the capture feature's PreparedPhoto is one. */
export interface SelfiePhoto {
  blob: Blob;
  url: string;
  width: number;
  height: number;
  /** The JPEG quality of the person's own file, when they chose one (capture's PreparedPhoto). */
  sourceJpegQuality?: number;
}

/** The photo taker, given by the page (the capture feature), so the survey does not import it. */
export type RenderCapture = (onPhoto: (photo: SelfiePhoto) => void) => ReactNode;

interface Props {
  backend: BackendPort;
  renderCapture: RenderCapture;
  /** react-hook-form's handleSubmit bound by the wizard: validates every step before running. */
  submit: (run: (values: WizardValues) => Promise<void>) => () => Promise<void>;
  onDone: (analysisId: string, values: WizardValues) => void;
  /** The failed analysis this photo retakes; it is deleted once the new photo is sent, so history keeps one. */
  replaces?: string;
}

type Phase =
  { kind: "capture" } | { kind: "review" } | { kind: "sending"; percent: number } | { kind: "error"; message: string };

export function SelfieStep({ backend, renderCapture, submit, onDone, replaces }: Props) {
  const t = useTranslations("survey.selfie");
  const describeError = useErrorText();
  const [photo, setPhoto] = useState<SelfiePhoto | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "capture" });

  useEffect(
    () => () => {
      if (photo) URL.revokeObjectURL(photo.url);
    },
    [photo],
  );

  const run = async (values: WizardValues) => {
    if (!photo) return;
    setPhase({ kind: "sending", percent: 0 });
    let created: string | null = null;
    try {
      const analysis = await backend.createAnalysis(toSurvey(values));
      created = analysis.id;
      await backend.uploadSelfie(analysis.id, photo.blob, ({ loaded, total }) =>
        setPhase({ kind: "sending", percent: total > 0 ? Math.min(100, (loaded / total) * 100) : 0 }),
      );
    } catch (error) {
      // A check without its photo would wait in the history for one that never comes; each try makes its own.
      if (created !== null) void backend.deleteAnalysis(created).catch(() => undefined);
      setPhase({ kind: "error", message: describeError(error, t("uploadFailed")) });
      return;
    }
    // Best effort: a failed check left behind is untidy, not harmful, so a failed delete does not block.
    if (replaces !== undefined) await backend.deleteAnalysis(replaces).catch(() => undefined);
    // The results page starts the run once it is subscribed, so every live stage reaches the screen.
    onDone(created, values);
  };

  if (!photo) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700 sm:text-base">{t("tips")}</p>
        {renderCapture((p) => {
          setPhoto(p);
          setPhase({ kind: "review" });
        })}
      </div>
    );
  }

  const sending = phase.kind === "sending";
  return (
    <div className="flex flex-col gap-5">
      <figure className="mx-auto w-full max-w-sm">
        <img src={photo.url} alt={t("alt")} className="aspect-[3/4] w-full rounded-3xl bg-slate-100 object-cover" />
        <figcaption className="mt-2 text-center text-sm text-slate-600">
          {t("resized", { width: photo.width, height: photo.height })}
        </figcaption>
      </figure>
      {(photo.sourceJpegQuality ?? 100) < STRONG_COMPRESSION_BELOW ? (
        <p className="mx-auto max-w-sm rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t("compressed")}</p>
      ) : null}
      {sending ? <AnalysisStepper current={0} uploadPercent={phase.percent} /> : null}
      {phase.kind === "error" ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {phase.message}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-center">
        <button
          type="button"
          className={buttonStyles.secondary}
          disabled={sending}
          onClick={() => {
            setPhoto(null);
            setPhase({ kind: "capture" });
          }}
        >
          {t("retake")}
        </button>
        <button type="button" className={buttonStyles.primary} disabled={sending} onClick={() => void submit(run)()}>
          {sending ? t("uploading") : phase.kind === "error" ? t("tryAgain") : t("analyse")}
        </button>
      </div>
    </div>
  );
}
