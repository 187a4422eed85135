import { z } from "zod";
import { BackendError, type BackendPort } from "./port";

export type { BackendPort } from "./port";

const modeSchema = z.enum(["local", "amplify"]).default("local");

let pending: Promise<BackendPort> | null = null;

/**
 * The app's one backend, picked from NEXT_PUBLIC_BACKEND_MODE (set by next.config.mjs: local
 * unless amplify_outputs.json exists). Adapters are imported dynamically so a local build never
 * loads the Amplify SDK.
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
  const [{ createAmplifyBackend }, outputs] = await Promise.all([import("./amplify"), loadAmplifyOutputs()]);
  return createAmplifyBackend(outputs);
}

// Only the top level is checked here; Amplify.configure validates the rest.
const outputsSchema = z.looseObject({ version: z.string() });

async function loadAmplifyOutputs() {
  let response: Response;
  try {
    response = await fetch("/api/amplify-outputs", { cache: "no-cache" });
  } catch (error) {
    throw new BackendError("UNAVAILABLE", "Skinsight is not reachable right now. Please try again in a moment.", { cause: error });
  }
  const parsed = outputsSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) {
    throw new BackendError("UNAVAILABLE", "This deployment has no Amplify configuration (amplify_outputs.json).");
  }
  return parsed.data as Parameters<typeof import("./amplify").createAmplifyBackend>[0];
}
