import type { Metadata } from "next";
import { GuestResultView } from "./_components/guest-result-view";

export const metadata: Metadata = { title: "Your guest results" };

export default async function GuestResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <GuestResultView id={id} />
    </main>
  );
}
