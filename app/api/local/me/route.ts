import { z } from "zod";
import { confirmPassword } from "@/lib/local-cloud/auth/accounts";
import { clearedSessionCookie } from "@/lib/local-cloud/auth/sessions";
import { clientAddress, handleLocal, readJson, requireUser } from "@/lib/local-cloud/http";
import { eraseOwner } from "@/lib/local-cloud/my-data/erase-owner";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ password: z.string().min(1, "Please enter your password.").max(1024) });

/**
 * Deletes the account and everything of it (records, photos, sessions, events), then signs out. The
 * password is asked again first, so an unlocked device left signed in cannot lose someone their data.
 */
export function DELETE(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const user = requireUser(ctx);
    const { password } = await readJson(request, bodySchema);
    await confirmPassword(ctx.cloud.db, user, password, new Date(), clientAddress(request));
    await eraseOwner(ctx.cloud, user.id);
    return new Response(null, {
      status: 204,
      headers: { "Set-Cookie": clearedSessionCookie(), "Cache-Control": "no-store" },
    });
  });
}
