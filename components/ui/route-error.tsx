"use client";

import { useEffect } from "react";
import { PageStatus } from "./page-status";

/** Shared body of every route segment's error.tsx: say what happened and offer a retry. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main>
      <h1 className="sr-only">Something went wrong</h1>
      <PageStatus
        tone="error"
        title="Something went wrong"
        message="This page hit an unexpected problem. Your data is safe; please try again."
        action={{ label: "Try again", onClick: reset }}
      />
    </main>
  );
}
