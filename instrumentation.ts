/**
 * Starts the local cloud (database, job runner, model server child) once at server boot, so the
 * model is warm before the first request and unfinished jobs resume without waiting for traffic.
 */
export async function register(): Promise<void> {
  const mode = process.env.BACKEND_MODE ?? process.env.NEXT_PUBLIC_BACKEND_MODE ?? "local";
  // `next build` may load this file to collect page data; it must not start a model server.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  // The import sits inside the NEXT_RUNTIME check so the Edge bundle drops it (Next's documented pattern).
  if (process.env.NEXT_RUNTIME === "nodejs" && mode === "local" && !building) {
    const { startOnBoot } = await import("./lib/local-cloud/runtime");
    startOnBoot();
  }
}
