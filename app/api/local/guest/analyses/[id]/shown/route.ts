import { clearedGuestCookie } from "@/lib/local-cloud/auth/guest-sessions";
import { LocalCloudError } from "@/lib/local-cloud/errors";
import { finishGuestCheck } from "@/lib/local-cloud/guest/guest-service";
import { handleLocal, jsonResponse, readId, requireOwner } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

/** The guest's result is on screen: delete all of it now and hand back a signed copy to keep on sign-up. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const owner = requireOwner(ctx);
    if (!owner.guest) throw new LocalCloudError("CONFLICT", "This is not a guest check.");
    const result = await finishGuestCheck(ctx.cloud, owner.id, await readId(params), new Date());
    return jsonResponse(result, 200, { "Set-Cookie": clearedGuestCookie() });
  });
}
