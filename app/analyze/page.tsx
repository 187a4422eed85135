import type { Metadata } from "next";
import { AnalyzeFlow } from "./_components/analyze-flow";

export const metadata: Metadata = { title: "Skin check" };

export default function AnalyzePage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-5 sm:gap-6 sm:py-12">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Your skin check</h1>
        <p className="mt-1 text-slate-600">Six short steps. It takes about two minutes.</p>
      </div>
      <AnalyzeFlow />
    </main>
  );
}
