import { isLocalMode } from "@/lib/local-cloud/config";
import { readLocalHealth } from "@/lib/local-cloud/health";
import { getLocalCloud } from "@/lib/local-cloud/runtime";

export const dynamic = "force-dynamic";

/**
 * Public liveness: 200 `{status:"ok"}` when the database answers and the model is usable, else 503.
 * It names no internals (model endpoint, process id, job and stream counts): an anonymous caller
 * gets those nowhere. They are at /api/local/diagnostics, behind DIAGNOSTICS_TOKEN.
 */
export function GET(): Response {
  const ok = !isLocalMode() || readLocalHealth(getLocalCloud()).ok;
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
