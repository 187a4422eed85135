"use client";

import { createContext, useContext, type ReactNode } from "react";

export type RouteErrorLabels = Record<"title" | "message" | "retry", string>;

const RouteErrorContext = createContext<RouteErrorLabels | null>(null);

/**
 * An error.tsx boundary takes only `error` and `reset`, so its words come through context, translated on the
 * server by the layout (route-error-labels.tsx): every page has the boundary, and none needs a translator for it.
 */
export function RouteErrorLabelsProvider({ labels, children }: { labels: RouteErrorLabels; children: ReactNode }) {
  return <RouteErrorContext.Provider value={labels}>{children}</RouteErrorContext.Provider>;
}

export function useRouteErrorLabels(): RouteErrorLabels {
  const labels = useContext(RouteErrorContext);
  if (labels === null) throw new Error("RouteError is rendered outside RouteErrorLabels (see app/layout.tsx).");
  return labels;
}
