import type { Metadata } from "next";
import { GUEST_TEXT } from "@/components/guest/guest-text";
import { GuestFlow } from "./_components/guest-flow";

export const metadata: Metadata = { title: "Guest skin check" };

export default function GuestPage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-5 sm:gap-6 sm:py-12">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">{GUEST_TEXT.title}</h1>
        <p className="text-slate-600">{GUEST_TEXT.intro}</p>
        <p className="rounded-xl bg-brand-50 p-3 text-sm text-slate-800" data-testid="guest-nothing-kept">
          {GUEST_TEXT.nothingKept}
        </p>
      </div>
      <GuestFlow />
    </main>
  );
}
