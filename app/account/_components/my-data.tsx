"use client";

import { useRouter } from "next/navigation";
import { RequireAuth } from "@/components/auth/require-auth";
import { MyDataPanel } from "@/components/my-data/my-data-panel";

export function MyData() {
  const router = useRouter();
  // The deleted page refreshes the session itself: refreshing here would send RequireAuth to /sign-in first.
  return (
    <RequireAuth>
      {({ backend }) => <MyDataPanel backend={backend} onDeleted={() => router.replace("/account/deleted")} />}
    </RequireAuth>
  );
}
