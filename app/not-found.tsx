import type { Metadata } from "next";
import { PageStatus } from "@/components/ui/page-status";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main>
      <h1 className="sr-only">Page not found</h1>
      <PageStatus
        tone="info"
        title="We couldn't find that page"
        message="The link may be old, or the analysis may have been deleted."
        action={{ label: "Go to the home page", href: "/" }}
      />
    </main>
  );
}
