import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { PageStatus } from "@/components/ui/page-status";

export const metadata: Metadata = { title: "Sign in or sign up" };

export default function SignInPage() {
  return (
    <main className="mx-auto flex max-w-lg flex-col gap-6 px-4 py-10">
      <div className="text-center">
        <h1 className="text-3xl font-bold tracking-tight">Sign in or create your account</h1>
        <p className="mt-2 text-slate-600">Your analyses and photos are private to your account.</p>
      </div>
      <Suspense fallback={<PageStatus tone="loading" title="Loading sign-in…" />}>
        <SignInPanel />
      </Suspense>
    </main>
  );
}
