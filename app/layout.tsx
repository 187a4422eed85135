import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account-menu";
import { SessionProvider } from "@/components/auth/session-provider";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Skinsight", template: "%s · Skinsight" },
  description:
    "A photo-based skin check that scores visible skin signals and picks three brand-neutral products within your budget. Not medical advice.",
};

// The CSP nonce is new on every request (proxy.ts), so no page may be prerendered without it.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f6f5c" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-white font-sans text-slate-900 antialiased">
        <SessionProvider>
          <SiteHeader account={<AccountMenu />} />
          <div id="main" tabIndex={-1} className="flex-1 outline-none">
            {children}
          </div>
          <SiteFooter />
        </SessionProvider>
      </body>
    </html>
  );
}
