import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { RouteErrorLabelsProvider } from "./route-error-context";

/** Gives every route's error boundary (route-error.tsx) its words, translated here on the server. */
export async function RouteErrorLabels({ children }: { children: ReactNode }) {
  const t = await getTranslations("common.errors.route");
  return (
    <RouteErrorLabelsProvider labels={{ title: t("title"), message: t("message"), retry: t("retry") }}>
      {children}
    </RouteErrorLabelsProvider>
  );
}
