import { z } from "zod";
import { keepGuestResult } from "@/lib/local-cloud/guest/guest-service";
import { handleLocal, jsonResponse, readJson, requireUser } from "@/lib/local-cloud/http";
import { GUEST_CLAIM_BODY_LIMIT } from "@/lib/web-security/body-limits";

export const dynamic = "force-dynamic";

// A result with its report and picks is tens of kilobytes; the usual 64 KB JSON cap is too tight.
const MAX_CLAIM_BYTES = GUEST_CLAIM_BODY_LIMIT;
const KEEP_WHAT = "Please send the result to keep.";
const keepSchema = z.object(
  { claim: z.string({ error: KEEP_WHAT }).min(1, { error: KEEP_WHAT }).max(MAX_CLAIM_BYTES) },
  { error: KEEP_WHAT },
);

/** Moves a guest result (the signed copy from /shown) into the signed-in user's history. */
export function POST(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const user = requireUser(ctx);
    const { claim } = await readJson(request, keepSchema, MAX_CLAIM_BYTES);
    return jsonResponse(keepGuestResult(ctx.cloud, user.id, claim, new Date()), 201);
  });
}
