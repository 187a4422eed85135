"use client";

import { useEffect } from "react";
import { PageStatus } from "./page-status";
import { useRouteErrorLabels } from "./route-error-context";

/** Shared body of every route segment's error.tsx: say what happened and offer a retry. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const labels = useRouteErrorLabels();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main>
      <h1 className="sr-only">{labels.title}</h1>
      <PageStatus
        tone="error"
        title={labels.title}
        message={labels.message}
        action={{ label: labels.retry, onClick: reset }}
      />
    </main>
  );
}
