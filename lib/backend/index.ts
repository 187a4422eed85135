import { z } from "zod";
import { BackendError, type BackendPort } from "./port";

export type { BackendPort } from "./port";

const modeSchema = z.enum(["local", "amplify"]).default("local");

let pending: Promise<BackendPort> | null = null;

/**
 * The app's one backend, picked from NEXT_PUBLIC_BACKEND_MODE (set by next.config.mjs: local
 * unless amplify_outputs.json exists). Adapters are imported dynamically so a local build never
 * ships the Amplify SDK and vice versa.
 */
export function loadBackend(): Promise<BackendPort> {
  pending ??= createBackend().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

async function createBackend(): Promise<BackendPort> {
  const parsed = modeSchema.safeParse(process.env.NEXT_PUBLIC_BACKEND_MODE || undefined);
  if (!parsed.success) {
    throw new BackendError("INTERNAL", `NEXT_PUBLIC_BACKEND_MODE must be "local" or "amplify".`, { cause: parsed.error });
  }
  if (parsed.data === "local") {
    const { createLocalBackend } = await import("./local");
    return createLocalBackend();
  }
  throw new BackendError(
    "UNAVAILABLE",
    "Amplify mode is not available in this build: the Amplify adapter (lib/backend/amplify) is missing.",
  );
}
