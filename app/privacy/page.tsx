import type { Metadata } from "next";
import Link from "next/link";
import { readPrivacyFacts } from "./_components/privacy-facts";

export const metadata: Metadata = { title: "Privacy and your data" };

const link = "font-medium text-brand-700 underline";

export default function PrivacyPage() {
  const facts = readPrivacyFacts();
  const days = facts.photoRetentionDays;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Privacy and your data</h1>
      <p className="text-lg text-slate-700">
        Skinsight keeps only what it needs to show you your results and your history. Here is what that is, how long
        we keep it, and how you take it with you or remove it.
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
        <p className="text-slate-700" data-testid="photo-retention">
          Photos are deleted automatically <strong>{days} {days === 1 ? "day" : "days"}</strong> after you upload
          them. Your results stay in your history, without the photo, until you delete them or your account.
        </p>
      </section>

      <section aria-labelledby="guest" className="flex flex-col gap-2">
        <h2 id="guest" className="text-xl font-semibold">Guest checks</h2>
        {facts.guestChecks ? (
          <p className="text-slate-700" data-testid="guest-rule">
            You can run <Link href="/guest" className={link}>one check without an account</Link>. Nothing of it is
            kept: the photo and the result are deleted from Skinsight as soon as the result has been shown to you, and
            after <strong>24 hours</strong> at the latest if you leave before that. Until you close the tab, your browser
            holds a signed copy of the result (without the photo) so that you can create an account and keep it.
          </p>
        ) : (
          <p className="text-slate-700" data-testid="guest-rule">
            Guest checks are not offered on this server yet: every check belongs to an account. Photos stored for
            guests would be deleted within a day.
          </p>
        )}
      </section>

      <section aria-labelledby="take" className="flex flex-col gap-2">
        <h2 id="take" className="text-xl font-semibold">Take a copy of your data</h2>
        <p className="text-slate-700">
          On <Link href="/account" className={link}>your data</Link>, “Download my data” gives you one zip file with
          every analysis (your answers, the skin report and the product picks) as JSON, plus the photos still kept.
        </p>
      </section>

      <section aria-labelledby="delete" className="flex flex-col gap-2">
        <h2 id="delete" className="text-xl font-semibold">How to delete your data</h2>
        <p className="text-slate-700">
          Open <Link href="/history" className={link}>your history</Link> and choose “Delete” on any analysis. This
          removes the record and its photo straight away.
        </p>
        <p className="text-slate-700">
          To delete everything, use “Delete my account” on <Link href="/account" className={link}>your data</Link>. It
          removes every analysis, every photo, your sign-in sessions and your activity log
          {facts.mode === "amplify" ? ", and your sign-in account itself" : ", then your account"}, and signs you out.
        </p>
      </section>
    </main>
  );
}
