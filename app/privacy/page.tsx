import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Privacy and your data" };

export default function PrivacyPage() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Privacy and your data</h1>
      <p className="text-lg text-slate-700">
        Skinsight keeps only what it needs to show you your results and your history. Here is what that is, how long
        we keep it, and how you remove it.
      </p>

      <section aria-labelledby="what" className="flex flex-col gap-2">
        <h2 id="what" className="text-xl font-semibold">What we store</h2>
        <ul className="list-disc space-y-1 pl-6 text-slate-700">
          <li>Your account: your email address and a securely hashed password.</li>
          <li>Your survey answers (skin type, concerns, goals, sensitivity, actives, fragrance, pregnancy, budget).</li>
          <li>
            Your selfie, resized in your browser to at most 1280 pixels and re-encoded, which removes location and
            camera details (EXIF/GPS) before it leaves your device.
          </li>
          <li>The results: photo-quality checks, skin scores, the marks drawn on your photo and the product picks.</li>
        </ul>
      </section>

      <section aria-labelledby="use" className="flex flex-col gap-2">
        <h2 id="use" className="text-xl font-semibold">What the photo is used for</h2>
        <p className="text-slate-700">
          Only to score visible skin signals for you and to show the photo back to you. Only you can see it. It is not
          used to identify you, not shared with sellers and not used to train models.
        </p>
      </section>

      <section aria-labelledby="how-long" className="flex flex-col gap-2">
        <h2 id="how-long" className="text-xl font-semibold">How long we keep it</h2>
        <p className="text-slate-700">
          Photos are deleted automatically <strong>30 days</strong> after you upload them. Your results stay in your
          history, without the photo, until you delete them.
        </p>
      </section>

      <section aria-labelledby="delete" className="flex flex-col gap-2">
        <h2 id="delete" className="text-xl font-semibold">How to delete your data</h2>
        <p className="text-slate-700">
          Open <Link href="/history" className="font-medium text-brand-700 underline">your history</Link> and choose
          “Delete” on any analysis. This removes the record and its photo straight away.
        </p>
      </section>

    </main>
  );
}
