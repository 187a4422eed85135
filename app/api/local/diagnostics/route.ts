import { notFound } from "@/lib/local-cloud/errors";
import { holdsDiagnosticsToken, readLocalHealth } from "@/lib/local-cloud/health";
import { handleLocal, jsonResponse } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

/**
 * The local cloud's parts (database, model child and its endpoint, job and stream counts) for
 * whoever sends `Authorization: Bearer <DIAGNOSTICS_TOKEN>`. Without the token, or when none is
 * configured, the route does not exist (404), so a stranger cannot tell it is there.
 */
export function GET(request: Request): Promise<Response> {
  return handleLocal(request, async ({ cloud }) => {
    if (!holdsDiagnosticsToken(request.headers.get("authorization"), cloud.config.DIAGNOSTICS_TOKEN)) {
      throw notFound("page");
    }
    const health = readLocalHealth(cloud);
    return jsonResponse(health, health.ok ? 200 : 503);
  });
}
