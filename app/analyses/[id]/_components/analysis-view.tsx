"use client";

import { useRouter } from "next/navigation";
import { RequireAuth } from "@/components/auth/require-auth";
import { AnalysisLive } from "@/components/results/analysis-live";
import { saveEditDraft, saveRetakeDraft } from "@/components/survey/survey-storage";
import type { Analysis } from "@/lib/domain/analysis";

/** Composes the results and the survey: both ways back to the survey leave a draft for it, then go there. */
export function AnalysisView({ id }: { id: string }) {
  const router = useRouter();
  const onRetake = (analysis: Analysis) => {
    saveRetakeDraft(analysis.survey, analysis.id);
    router.push("/analyze");
  };
  const onChangeAnswers = (analysis: Analysis) => {
    saveEditDraft(analysis.survey);
    router.push("/analyze");
  };
  return (
    <RequireAuth>
      {({ backend }) => (
        <AnalysisLive id={id} backend={backend} onRetake={onRetake} onChangeAnswers={onChangeAnswers} />
      )}
    </RequireAuth>
  );
}
