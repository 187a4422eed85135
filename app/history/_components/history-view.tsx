"use client";

import { RequireAuth } from "@/components/auth/require-auth";
import { HistoryList } from "@/components/history/history-list";

export function HistoryView() {
  return <RequireAuth>{({ backend }) => <HistoryList backend={backend} />}</RequireAuth>;
}
