import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          Skinsight describes what a camera can see. It is not medical advice and cannot diagnose skin conditions; see a
          doctor or dermatologist for anything painful, persistent or changing.
        </p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link href="/privacy" className="font-medium text-brand-700 underline-offset-4 hover:underline">
                Privacy
              </Link>
            </li>
            <li>
              <Link href="/products" className="font-medium text-brand-700 underline-offset-4 hover:underline">
                Products
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
