import { clearedSessionCookie, deleteSession, readSessionToken } from "@/lib/local-cloud/auth/sessions";
import { handleLocal, jsonResponse } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleLocal(request, async ({ cloud }) => {
    const token = readSessionToken(request.headers.get("cookie"));
    if (token) deleteSession(cloud.db, token);
    return jsonResponse({ ok: true }, 200, { "Set-Cookie": clearedSessionCookie() });
  });
}
