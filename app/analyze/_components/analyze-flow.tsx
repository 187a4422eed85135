"use client";

import { RequireAuth } from "@/components/auth/require-auth";
import { SelfieCapture } from "@/components/capture/selfie-capture";
import { SurveyWizard } from "@/components/survey/survey-wizard";

/** Composes the survey with the capture feature, which takes its last step's photo. */
export function AnalyzeFlow() {
  return (
    <RequireAuth>
      {({ backend }) => (
        <SurveyWizard backend={backend} renderCapture={(onPhoto) => <SelfieCapture onPhoto={onPhoto} />} />
      )}
    </RequireAuth>
  );
}
