"use client";

import { useEffect } from "react";
import { useSession } from "@/components/auth/session-provider";

/** The account is gone: the header and menus learn it here. */
export function SessionReset() {
  const { refresh } = useSession();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return null;
}
