import type { Metadata } from "next";
import { KeepGuestResult } from "./_components/keep-guest-result";

export const metadata: Metadata = { title: "Keep your guest result" };

export default function KeepGuestResultPage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      <KeepGuestResult />
    </main>
  );
}
