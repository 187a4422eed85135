import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import evaluation from "@/docs/analyzer-eval.json";
import { TONE_CATEGORIES } from "@/lib/domain/skin-report";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accuracy");
  return { title: t("title") };
}

type Row = {
  group: string;
  photos: number;
  lesionRecall: number | null;
  lesionPrecision: number | null;
  spotRecall: number | null;
  lesions: number;
};
const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
const SPLITS = ["dev", "heldout", "darkskin"];
const isTone = (group: string) => (TONE_CATEGORIES as readonly string[]).includes(group);

async function FairnessTable({ rows }: { rows: Row[] }) {
  const t = await getTranslations();
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("accuracy.col.group")}
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("accuracy.col.found")}
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("accuracy.col.real")}
          </th>
          <th scope="col" className="py-2 font-medium">
            {t("accuracy.col.spots")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {rows.map((r) => (
          <tr key={r.group}>
            <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
              {isTone(r.group) ? t(`results.tone.category.${r.group}`) : r.group}
            </th>
            <td className="py-2 pr-3">
              {pct(r.lesionRecall)} <span className="text-slate-500">{t("accuracy.of", { count: r.lesions })}</span>
            </td>
            <td className="py-2 pr-3">{pct(r.lesionPrecision)}</td>
            <td className="py-2">{pct(r.spotRecall)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function AccuracyPage() {
  const t = await getTranslations("accuracy");
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-lg text-slate-700">{t("intro")}</p>
      <section aria-labelledby="fairness" className="flex flex-col gap-4">
        <h2 id="fairness" className="text-xl font-semibold">
          {t("byTone")}
        </h2>
        <p className="text-slate-700">{t("explain")}</p>
        {evaluation.fairness.map((split) => (
          <figure key={split.split} className="rounded-2xl border border-slate-200 bg-white p-4">
            <figcaption className="mb-2 font-semibold text-slate-900">
              {t("faces", {
                name: SPLITS.includes(split.split) ? t(`split.${split.split}`) : split.split,
                faces: split.faces,
              })}
            </figcaption>
            <FairnessTable rows={split.rows} />
          </figure>
        ))}
      </section>
      <p className="text-sm text-slate-600">
        {t.rich("footer", {
          report: (chunks) => (
            <a href="/accuracy/report" hrefLang="en" className="font-medium text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}{" "}
        <Link href="/" className="font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </main>
  );
}
