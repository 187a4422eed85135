import type { Metadata } from "next";
import { HistoryView } from "./_components/history-view";

export const metadata: Metadata = { title: "History" };

export default function HistoryPage() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Your history</h1>
        <p className="mt-1 text-slate-600">Past skin checks, how your scores change over time, and deleting what you no longer want.</p>
      </div>
      <HistoryView />
    </main>
  );
}
