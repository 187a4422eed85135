import { z } from "zod";
import { BackendError, type BackendPort } from "./port";

export type { BackendPort } from "./port";

const modeSchema = z.enum(["local", "amplify"]).default("local");

// The one cache of the adapter, one per tab: creating it may configure SDKs or open connections.
let pending: Promise<BackendPort> | null = null;

/**
 * The app's one backend, picked from NEXT_PUBLIC_BACKEND_MODE (set by next.config.mjs: local
 * unless amplify_outputs.json exists). Adapters are imported dynamically so a local build never
 * loads the Amplify SDK.
 */
export function loadBackend(): Promise<BackendPort> {
  pending ??= createBackend().catch((error: unknown) => {
    pending = null; // let a later call retry instead of caching the failure
    throw error;
  });
  return pending;
}

async function createBackend(): Promise<BackendPort> {
  const parsed = modeSchema.safeParse(process.env.NEXT_PUBLIC_BACKEND_MODE || undefined);
  if (!parsed.success) {
    throw new BackendError("INTERNAL", `NEXT_PUBLIC_BACKEND_MODE must be "local" or "amplify".`, {
      cause: parsed.error,
    });
  }
  if (parsed.data === "local") {
    const { createLocalBackend } = await import("./local");
    return createLocalBackend();
  }
  const outputs = loadAmplifyOutputs();
  const { createAmplifyBackend } = await import("./amplify");
  return createAmplifyBackend(outputs);
}

// Only the top level is checked here; Amplify.configure validates the rest.
const outputsSchema = z.looseObject({ version: z.string() });

/** The outputs compiled in at build time by next.config.mjs (lib/backend/build-config.mjs). */
function loadAmplifyOutputs() {
  let json: unknown = null;
  try {
    // Spelled out in full: Next inlines process.env.NEXT_PUBLIC_* only where it is written literally.
    json = JSON.parse(process.env.NEXT_PUBLIC_AMPLIFY_OUTPUTS || "null");
  } catch (error) {
    throw new BackendError("UNAVAILABLE", "This build's Amplify configuration is not valid JSON.", { cause: error });
  }
  const parsed = outputsSchema.safeParse(json);
  if (!parsed.success) {
    throw new BackendError(
      "UNAVAILABLE",
      "This build has no Amplify configuration (amplify_outputs.json at build time).",
    );
  }
  return parsed.data as Parameters<typeof import("./amplify").createAmplifyBackend>[0];
}
