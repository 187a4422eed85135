import type { Metadata } from "next";
import Link from "next/link";
import evaluation from "@/docs/analyzer-eval.json";
import { TONE_LABELS, type ToneCategory } from "@/lib/domain/skin-report";

export const metadata: Metadata = { title: "How accurate is Skinsight?" };

type Row = { group: string; photos: number; lesionRecall: number | null; lesionPrecision: number | null; spotRecall: number | null; lesions: number };
const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
const SPLIT_NAMES: Record<string, string> = { dev: "Photos we tuned on", heldout: "Photos we never tuned on" };

function FairnessTable({ rows }: { rows: Row[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-3 font-medium">Skin tone group (ITA°)</th>
          <th scope="col" className="py-2 pr-3 font-medium">Breakouts found</th>
          <th scope="col" className="py-2 pr-3 font-medium">Marks that were real</th>
          <th scope="col" className="py-2 font-medium">Dark spots found</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {rows.map((r) => (
          <tr key={r.group}>
            <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
              {TONE_LABELS[r.group as ToneCategory] ?? r.group}
            </th>
            <td className="py-2 pr-3">
              {pct(r.lesionRecall)} <span className="text-slate-500">of {r.lesions}</span>
            </td>
            <td className="py-2 pr-3">{pct(r.lesionPrecision)}</td>
            <td className="py-2">{pct(r.spotRecall)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function AccuracyPage() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold tracking-tight">How accurate is Skinsight?</h1>
      <p className="text-lg text-slate-700">
        We test the analyzer on face photos with breakouts and dark spots of known size and place added to them, at every
        skin tone, and publish what it finds, including where it is still weak.
      </p>
      <section aria-labelledby="fairness" className="flex flex-col gap-4">
        <h2 id="fairness" className="text-xl font-semibold">
          By skin tone
        </h2>
        <p className="text-slate-700">
          “Breakouts found” is the share of added breakouts the analyzer marked; “marks that were real” is the share of its
          marks that were one. Each face is tested as photographed and made darker, so every tone group is measured on
          the same faces.
        </p>
        {evaluation.fairness.map((split) => (
          <figure key={split.split} className="rounded-2xl border border-slate-200 bg-white p-4">
            <figcaption className="mb-2 font-semibold text-slate-900">
              {SPLIT_NAMES[split.split] ?? split.split} ({split.faces} faces)
            </figcaption>
            <FairnessTable rows={split.rows} />
          </figure>
        ))}
      </section>
      <p className="text-sm text-slate-600">
        Skin tone groups follow the Individual Typology Angle (ITA°); they are not Fitzpatrick types. The full report,
        with photo-quality checks, colour casts and repeatability, is in the project’s <code>docs/analyzer-eval.md</code>.{" "}
        <Link href="/" className="font-medium text-brand-700 underline">
          Back to Skinsight
        </Link>
      </p>
    </main>
  );
}
