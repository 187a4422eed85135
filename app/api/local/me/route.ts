import { clearedSessionCookie } from "@/lib/local-cloud/auth/sessions";
import { handleLocal, requireUser } from "@/lib/local-cloud/http";
import { eraseOwner } from "@/lib/local-cloud/my-data/erase-owner";

export const dynamic = "force-dynamic";

/** Deletes the account and everything of it (records, photos, sessions, events), then signs out. */
export function DELETE(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const user = requireUser(ctx);
    await eraseOwner(ctx.cloud, user.id);
    return new Response(null, {
      status: 204,
      headers: { "Set-Cookie": clearedSessionCookie(), "Cache-Control": "no-store" },
    });
  });
}
