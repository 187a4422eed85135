import { z } from "zod";

/** Endpoint names: letters, digits and single hyphens, 1–63 characters (SageMaker's rule). */
const endpointNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/, "Not a valid SageMaker endpoint name.");

/**
 * Deploy-time switches, read from the environment of `npx ampx sandbox` (or the Amplify build).
 * - SKINSIGHT_SAGEMAKER_ENDPOINT: use this existing endpoint; otherwise one is created from amplify/model/.
 * - SKINSIGHT_MODEL_MEMORY_MB / SKINSIGHT_MODEL_MAX_CONCURRENCY: serverless sizing of a created endpoint.
 * - SKINSIGHT_ALLOWED_ORIGINS: comma-separated origins the browser may upload from.
 */
const envSchema = z.object({
  SKINSIGHT_SAGEMAKER_ENDPOINT: endpointNameSchema.optional(),
  // 3 GB: the face mesh (WASM) and sharp fit with room for one image per worker.
  SKINSIGHT_MODEL_MEMORY_MB: z.coerce
    .number()
    .int()
    .refine((mb) => mb >= 1024 && mb <= 6144 && mb % 1024 === 0, "Serverless memory is 1024–6144 MB in 1024 MB steps.")
    .default(3072),
  SKINSIGHT_MODEL_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(5),
  SKINSIGHT_ALLOWED_ORIGINS: z
    .string()
    .default("http://localhost:3000,https://*.amplifyapp.com")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, "Origins look like https://example.com")).min(1)),
});

export type ModelChoice =
  { kind: "existing"; endpointName: string } | { kind: "container"; memoryMb: number; maxConcurrency: number };

export interface BackendOptions {
  model: ModelChoice;
  allowedOrigins: string[];
}

export function readBackendOptions(env: Record<string, string | undefined>): BackendOptions {
  // An empty variable means "not set", as shells and CI often export them that way.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.parse(present);
  return {
    model: parsed.SKINSIGHT_SAGEMAKER_ENDPOINT
      ? { kind: "existing", endpointName: parsed.SKINSIGHT_SAGEMAKER_ENDPOINT }
      : {
          kind: "container",
          memoryMb: parsed.SKINSIGHT_MODEL_MEMORY_MB,
          maxConcurrency: parsed.SKINSIGHT_MODEL_MAX_CONCURRENCY,
        },
    allowedOrigins: parsed.SKINSIGHT_ALLOWED_ORIGINS,
  };
}

/** A stable endpoint name per deployment (namespace = app, name = sandbox owner or branch). */
export function createdEndpointName(namespace: string, name: string): string {
  const slug = `skinsight-${namespace}-${name}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, 63).replace(/-+$/, "");
}
