/**
 * Starts the local cloud (database, job runner, model server child) once at server boot, so the
 * model is warm before the first request and unfinished jobs resume without waiting for traffic.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const mode = process.env.BACKEND_MODE ?? process.env.NEXT_PUBLIC_BACKEND_MODE ?? "local";
  if (mode !== "local") return;
  // `next build` also loads this file to collect page data; it must not start a model server.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getLocalCloud } = await import("./lib/local-cloud/runtime");
  const cloud = getLocalCloud();
  const stop = () => {
    // Open event streams would keep Next's graceful close waiting forever.
    cloud.bus.closeAllStreams();
    cloud.model.stop();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
