import { createGuestSession, guestCookie } from "@/lib/local-cloud/auth/guest-sessions";
import { currentOwner, handleLocal, isSecureRequest, jsonResponse } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

/** Starts a guest session (no account row) unless this browser already has a session of either kind. */
export function POST(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const owner = currentOwner(ctx);
    if (owner) return jsonResponse({ guest: owner.guest });
    const session = createGuestSession(ctx.cloud.db, new Date());
    return jsonResponse({ guest: true }, 201, {
      "Set-Cookie": guestCookie(session.token, session.maxAgeS, isSecureRequest(request)),
    });
  });
}
