import { PageStatus } from "@/components/ui/page-status";

export default function Loading() {
  return (
    <main>
      <PageStatus tone="loading" title="Loading your analysis…" />
    </main>
  );
}
