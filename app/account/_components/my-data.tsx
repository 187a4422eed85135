"use client";

import { RequireAuth } from "@/components/auth/require-auth";
import { MyDataPanel } from "@/components/my-data/my-data-panel";

// A full navigation after deletion: every cached piece of the old session (menus, drafts in memory) goes.
const goToDeleted = () => window.location.assign("/account/deleted");

export function MyData() {
  return <RequireAuth>{({ backend }) => <MyDataPanel backend={backend} onDeleted={goToDeleted} />}</RequireAuth>;
}
