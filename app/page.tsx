import Link from "next/link";
import { SampleResult } from "./_components/sample-result";

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 px-5 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Skinsight</p>
      <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
        Understand your skin from one selfie, then get three products that fit your budget.
      </h1>
      <p className="max-w-3xl text-lg text-slate-700">
        Answer a short survey and take a selfie. We check the photo quality, score visible signs such as
        breakouts, redness, dark spots, pores, shine and under-eye darkness, and pick three products from a
        brand-neutral catalogue sold in Malaysia, with the reasons for each and a morning and evening routine.
      </p>
      <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:gap-6">
        <Link
          href="/analyze"
          className="inline-flex items-center rounded-full bg-brand-700 px-6 py-3 text-base font-semibold text-white hover:bg-brand-900"
        >
          Start your skin check
        </Link>
        <Link href="/guest" className="font-semibold text-brand-700 underline underline-offset-4 hover:text-brand-900">
          Try one check without an account
        </Link>
      </div>
      <SampleResult />
    </main>
  );
}
