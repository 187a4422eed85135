import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";

const intFromEnv = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default(".data"),
  // The SageMaker runtime client's own timeout for one invocation.
  MODEL_TIMEOUT_MS: intFromEnv(30_000),
  // Backstop for a whole pipeline run; must exceed the model timeout plus image I/O.
  JOB_TIMEOUT_MS: intFromEnv(90_000),
  JOB_MAX_ATTEMPTS: intFromEnv(3),
  JOB_CONCURRENCY: intFromEnv(availableParallelism()),
  // Use an already-running model endpoint (e.g. a test stub) instead of spawning the model server.
  MODEL_ENDPOINT_URL: z.url().optional(),
  MODEL_ENDPOINT_NAME: z.string().min(1).default("skinsight-local"),
  // How long the model server may take to load before /ping must answer 200.
  MODEL_START_TIMEOUT_MS: intFromEnv(180_000),
  SSE_HEARTBEAT_MS: intFromEnv(15_000),
  // Open live-update streams per user; one more gets 429.
  SSE_MAX_STREAMS_PER_USER: intFromEnv(5),
  SESSION_TTL_HOURS: intFromEnv(24 * 14),
  // The privacy page's promise: photos are deleted this many days after upload (results stay).
  PHOTO_RETENTION_DAYS: intFromEnv(30),
  // How often the sweep for expired guest checks and photos past retention runs.
  HOUSEKEEPING_INTERVAL_MS: intFromEnv(10 * 60 * 1000),
  // Guest checks one client address may start in an hour before each further one waits.
  GUEST_CHECKS_PER_HOUR: intFromEnv(10),
  // Sign-up attempts one client address may make in an hour before each further one waits.
  SIGN_UPS_PER_HOUR: intFromEnv(10),
  // Unlocks /api/local/diagnostics (model pid and endpoint, job and stream counts); unset, it is a 404.
  DIAGNOSTICS_TOKEN: z.string().min(16).optional(),
});

export type LocalCloudConfig = Omit<z.infer<typeof envSchema>, "DATA_DIR"> & { DATA_DIR: string };

export function readConfig(env: NodeJS.ProcessEnv = process.env): LocalCloudConfig {
  const parsed = envSchema.parse({
    ...env,
    MODEL_ENDPOINT_URL: env.MODEL_ENDPOINT_URL || undefined,
    DIAGNOSTICS_TOKEN: env.DIAGNOSTICS_TOKEN || undefined,
  });
  return { ...parsed, DATA_DIR: resolve(parsed.DATA_DIR) };
}

/** Local routes answer only when the app was built or started in local mode. */
export function isLocalMode(env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = env.BACKEND_MODE ?? env.NEXT_PUBLIC_BACKEND_MODE ?? "local";
  return mode === "local";
}
