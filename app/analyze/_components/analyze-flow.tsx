"use client";

import { RequireAuth } from "@/components/auth/require-auth";
import { SurveyWizard } from "@/components/survey/survey-wizard";

export function AnalyzeFlow() {
  return <RequireAuth>{({ backend }) => <SurveyWizard backend={backend} />}</RequireAuth>;
}
