"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import {
  CAMERA_VIDEO,
  drawToJpeg,
  PhotoError,
  lightingHint,
  meanLuma,
  type LightingHint,
  type PreparedPhoto,
} from "./image-processing";

const COUNTDOWN_SECONDS = 3;

/** Keys under survey.capture.cameraError. */
type CameraProblem = "blocked" | "notFound" | "busy" | "other" | "unsupported" | "captureFailed" | "tooSmall";
type CameraState = { kind: "starting" } | { kind: "live" } | { kind: "error"; problem: CameraProblem };

interface Props {
  onCapture: (photo: PreparedPhoto) => void;
  onUseUpload: () => void;
}

function describeCameraError(error: unknown): CameraProblem {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "blocked";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "notFound";
  if (name === "NotReadableError") return "busy";
  return "other";
}

export function CameraView({ onCapture, onUseUpload }: Props) {
  const t = useTranslations("survey.capture");
  const videoRef = useRef<HTMLVideoElement>(null);
  // Only ever rendered in the browser (the wizard's last step), so navigator is there to ask.
  const [state, setState] = useState<CameraState>(() =>
    typeof navigator.mediaDevices?.getUserMedia === "function"
      ? { kind: "starting" }
      : { kind: "error", problem: "unsupported" },
  );
  const [hint, setHint] = useState<LightingHint>("ok");
  const [countdown, setCountdown] = useState<number | null>(null);
  // From the shutter until the photo is encoded (a Web Worker, 0.1–0.5 s on a laptop): said, and the shutter held.
  const [preparing, setPreparing] = useState(false);
  // The page stays live while the photo is encoded, so the person can switch to upload meanwhile.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    if (!navigator.mediaDevices?.getUserMedia) return;
    navigator.mediaDevices
      .getUserMedia({ video: CAMERA_VIDEO, audio: false })
      .then(async (s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = s;
        await video.play().catch(() => undefined);
        setState({ kind: "live" });
      })
      .catch((error: unknown) => !cancelled && setState({ kind: "error", problem: describeCameraError(error) }));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  // Live lighting hint from a 32×24 thumbnail of the frame, twice a second.
  useEffect(() => {
    if (state.kind !== "live") return;
    const canvas = document.createElement("canvas");
    canvas.width = 32;
    canvas.height = 24;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const timer = window.setInterval(() => {
      const video = videoRef.current;
      if (!ctx || !video || video.readyState < 2) return;
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      setHint(lightingHint(meanLuma(ctx.getImageData(0, 0, canvas.width, canvas.height).data)));
    }, 500);
    return () => window.clearInterval(timer);
  }, [state.kind]);

  useEffect(() => {
    if (countdown === null) return;
    // Each tick counts down a second; the last one takes the photo.
    const timer = window.setTimeout(() => {
      if (countdown > 1) return setCountdown(countdown - 1);
      setCountdown(null);
      const video = videoRef.current;
      if (!video || video.videoWidth === 0) return;
      setPreparing(true);
      void drawToJpeg(video, video.videoWidth, video.videoHeight)
        .then(
          // A photo that arrives after the view closed must not replace the one the person chose instead.
          (photo) => (mounted.current ? onCapture(photo) : URL.revokeObjectURL(photo.url)),
          // A camera whose frames are under the analyzer's minimum fails the same way every time: say why.
          (error: unknown) =>
            setState({
              kind: "error",
              problem: error instanceof PhotoError && error.code === "TOO_SMALL" ? "tooSmall" : "captureFailed",
            }),
        )
        .finally(() => setPreparing(false));
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [countdown, onCapture]);

  if (state.kind === "error") {
    return (
      <div className="flex flex-col items-start gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-5" role="alert">
        <p className="text-amber-900">{t(`cameraError.${state.problem}`)}</p>
        <button type="button" className={buttonStyles.primary} onClick={onUseUpload}>
          {t("uploadInstead")}
        </button>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3 sm:gap-4">
      {/* At most 40% of the screen tall, so the shutter below stays in view on a phone (Pixel 7: 412×839). */}
      <div className="relative mx-auto aspect-[3/4] w-[min(100%,24rem,30dvh)] overflow-hidden rounded-3xl bg-slate-900">
        {/* Mirrored like a mirror so moving left moves left; the captured photo is not mirrored. */}
        <video
          ref={videoRef}
          playsInline
          muted
          aria-label={t("preview")}
          className="absolute inset-0 size-full -scale-x-100 object-cover"
        />
        <svg viewBox="0 0 300 400" className="pointer-events-none absolute inset-0 size-full" aria-hidden="true">
          <defs>
            <mask id="oval-cut">
              <rect width="300" height="400" fill="white" />
              <ellipse cx="150" cy="190" rx="100" ry="135" fill="black" />
            </mask>
          </defs>
          <rect width="300" height="400" fill="rgb(15 23 42 / 0.45)" mask="url(#oval-cut)" />
          <ellipse
            cx="150"
            cy="190"
            rx="100"
            ry="135"
            fill="none"
            stroke="white"
            strokeWidth="3"
            strokeDasharray="8 6"
          />
        </svg>
        {state.kind === "starting" ? (
          <p className="absolute inset-x-0 top-1/2 text-center text-white">{t("starting")}</p>
        ) : null}
        {countdown !== null && countdown > 0 ? (
          <p
            className="absolute inset-0 flex items-center justify-center text-7xl font-bold text-white drop-shadow"
            aria-hidden="true"
          >
            {countdown}
          </p>
        ) : null}
      </div>
      <p
        role="status"
        aria-live="polite"
        className={`text-center text-sm font-medium ${hint === "ok" ? "text-slate-700" : "text-amber-800"}`}
      >
        {preparing
          ? t("preparing")
          : countdown !== null && countdown > 0
            ? t("countdown", { seconds: countdown })
            : t(`hint.${hint}`)}
      </p>
      <div className="flex flex-col items-center gap-2 sm:flex-row sm:justify-center">
        <button
          type="button"
          className={buttonStyles.primary}
          disabled={state.kind !== "live" || countdown !== null || preparing}
          onClick={() => setCountdown(COUNTDOWN_SECONDS)}
        >
          <svg viewBox="0 0 24 24" className="size-5" fill="currentColor" aria-hidden="true">
            <circle cx="12" cy="12" r="9" />
          </svg>
          {t("takePhoto")}
        </button>
        <button type="button" className={buttonStyles.ghost} onClick={onUseUpload}>
          {t("uploadInstead")}
        </button>
      </div>
    </div>
  );
}
