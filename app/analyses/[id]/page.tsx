import type { Metadata } from "next";
import { AnalysisView } from "./_components/analysis-view";

export const metadata: Metadata = { title: "Your results" };

export default async function AnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <AnalysisView id={id} />
    </main>
  );
}
