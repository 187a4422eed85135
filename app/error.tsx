"use client";

import { useEffect } from "react";
import { PageStatus } from "@/components/ui/page-status";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main>
      <PageStatus
        tone="error"
        title="Something went wrong"
        message="This page hit an unexpected problem. Your data is safe; please try again."
        action={{ label: "Try again", onClick: reset }}
      />
    </main>
  );
}
