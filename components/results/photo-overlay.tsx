"use client";

/* eslint-disable @next/next/no-img-element -- the owner's private photo comes from an authenticated URL */
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { SkinReport } from "@/lib/domain/skin-report";

const REGIONS = ["forehead", "leftCheek", "rightCheek", "nose", "chin", "leftUnderEye", "rightUnderEye"];

export function PhotoOverlay({ src, report }: { src: string | null; report: SkinReport }) {
  const t = useTranslations("results.overlay");
  const [show, setShow] = useState(true);
  const { width, height } = report.image;
  const aspect = width / height;
  const lesions = report.findings.filter((f) => f.type === "lesion").length;
  const spots = report.findings.length - lesions;
  const regions = Object.entries(report.regions);

  return (
    <figure className="flex flex-col gap-3">
      <div
        className="relative mx-auto w-full max-w-md overflow-hidden rounded-3xl bg-slate-100"
        style={{ aspectRatio: `${width} / ${height}` }}
      >
        {src ? (
          <img src={src} alt={t("alt")} className="absolute inset-0 size-full object-cover" />
        ) : (
          <p className="absolute inset-0 flex items-center justify-center p-6 text-center text-sm text-slate-600">
            The photo has expired or was removed. Your results are kept.
          </p>
        )}
        {show ? (
          <svg
            viewBox="0 0 1 1"
            preserveAspectRatio="none"
            className="absolute inset-0 size-full"
            role="img"
            aria-label={t("marks", { lesions, spots, regions: regions.length })}
            data-testid="findings-overlay"
          >
            {regions.map(([name, region]) => (
              <polygon
                key={name}
                points={region.polygon.map(([x, y]) => `${x},${y}`).join(" ")}
                fill="rgb(255 255 255 / 0.08)"
                stroke="white"
                strokeOpacity="0.85"
                strokeDasharray="4 3"
                strokeWidth="1.5"
                vectorEffect="non-scaling-stroke"
              >
                <title>{REGIONS.includes(name) ? t(`region.${name}`) : name}</title>
              </polygon>
            ))}
            {report.findings.map((f, i) => (
              <ellipse
                key={i}
                cx={f.x}
                cy={f.y}
                rx={Math.max(f.r, 0.006)}
                ry={Math.max(f.r, 0.006) * aspect}
                fill="none"
                stroke={f.type === "lesion" ? "#f43f5e" : "#f59e0b"}
                strokeWidth="2"
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
        ) : null}
      </div>
      <figcaption className="flex flex-wrap items-center justify-center gap-x-4 gap-y-2 text-sm text-slate-700">
        <button
          type="button"
          aria-pressed={show}
          onClick={() => setShow((v) => !v)}
          className="rounded-full border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50"
        >
          {show ? t("hide") : t("show")}
        </button>
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-full border-2 border-rose-500" aria-hidden="true" />
          {t("lesions", { count: lesions })}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-full border-2 border-amber-500" aria-hidden="true" />
          {t("spots", { count: spots })}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-3 border border-dashed border-slate-500" aria-hidden="true" />
          {t("areas")}
        </span>
      </figcaption>
    </figure>
  );
}
