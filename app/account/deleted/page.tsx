import type { Metadata } from "next";
import { MY_DATA_TEXT } from "@/components/my-data/my-data-text";
import { PageStatus } from "@/components/ui/page-status";
import { SessionReset } from "./_components/session-reset";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      <SessionReset />
      <h1 className="sr-only">{MY_DATA_TEXT.deletedTitle}</h1>
      <PageStatus tone="info" title={MY_DATA_TEXT.deletedTitle} message={MY_DATA_TEXT.deletedMessage} action={{ label: MY_DATA_TEXT.backHome, href: "/" }} />
    </main>
  );
}
