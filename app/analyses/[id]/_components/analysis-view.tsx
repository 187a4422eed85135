"use client";

import { RequireAuth } from "@/components/auth/require-auth";
import { AnalysisLive } from "@/components/results/analysis-live";

export function AnalysisView({ id }: { id: string }) {
  return <RequireAuth>{({ backend }) => <AnalysisLive id={id} backend={backend} />}</RequireAuth>;
}
