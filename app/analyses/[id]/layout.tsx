import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { analysisIdSchema } from "@/lib/domain/analysis";

/**
 * Not an id the backends make: a real 404 from the server. Checked here, not in the page: the page streams behind
 * loading.tsx, whose 200 has gone out by the time the page runs.
 */
export default async function AnalysisLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  if (!analysisIdSchema.safeParse(id).success) notFound();
  return children;
}
