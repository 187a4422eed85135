import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account-menu";
import { SessionProvider } from "@/components/auth/session-provider";
import { RouteErrorLabels } from "@/components/ui/route-error-labels";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Skinsight", template: "%s · Skinsight" }, description: t("description") };
}

// The CSP nonce is new on every request (proxy.ts), so no page may be prerendered without it.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f6f5c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col bg-white font-sans text-slate-900 antialiased">
        {/* No client-side translator here: the header, account menu and error boundary get their words from the
            server, and only pages whose own client components translate wrap them in ClientMessages. */}
        <RouteErrorLabels>
          <SessionProvider>
            <SiteHeader account={<AccountMenu />} />
            <div id="main" tabIndex={-1} className="flex-1 outline-none">
              {children}
            </div>
            <SiteFooter />
          </SessionProvider>
        </RouteErrorLabels>
      </body>
    </html>
  );
}
