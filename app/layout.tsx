import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SessionProvider } from "@/components/auth/session-provider";
import { ClientMessages } from "@/components/ui/client-messages";
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
        <ClientMessages namespaces={[]}>
          <SessionProvider>
            <SiteHeader />
            <div id="main" tabIndex={-1} className="flex-1 outline-none">
              {children}
            </div>
            <SiteFooter />
          </SessionProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
