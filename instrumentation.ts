/**
 * Runs once at server boot. Guards Node's HTTP server in both modes (lib/web-security/node-server-guard.ts),
 * and in local mode starts the local cloud (database, job runner, model server child), so the model
 * is warm before the first request and unfinished jobs resume without waiting for traffic.
 */
export async function register(): Promise<void> {
  const mode = process.env.BACKEND_MODE ?? process.env.NEXT_PUBLIC_BACKEND_MODE ?? "local";
  // `next build` may load this file to collect page data; it must not start a model server.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  // The imports sit inside the NEXT_RUNTIME check so the Edge bundle drops them (Next's documented pattern).
  if (process.env.NEXT_RUNTIME === "nodejs" && !building) {
    const { installNodeServerGuard } = await import("./lib/web-security/node-server-guard");
    // Local mode serves no WebSocket; in the cloud, Amplify Hosting stands in front of the server.
    installNodeServerGuard({ refuseUpgrades: mode === "local", dev: process.env.NODE_ENV === "development" });
    if (mode === "local") {
      const { startOnBoot } = await import("./lib/local-cloud/runtime");
      startOnBoot();
    }
  }
}
