import { z } from "zod";
import { surveySchema } from "@/lib/domain/survey";
import { createAnalysis } from "@/lib/local-cloud/analysis-service";
import { LocalCloudError } from "@/lib/local-cloud/errors";
import { takeGuestCheck } from "@/lib/local-cloud/guest/guest-limit";
import { clientAddress, handleLocal, jsonResponse, readJson, requireOwner, requireUser } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

const createSchema = z.object({ survey: surveySchema }, { error: "Please send your survey answers." });
const cursorSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/)
  .nullable();

export function GET(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const user = requireUser(ctx);
    const cursor = cursorSchema.safeParse(new URL(request.url).searchParams.get("cursor") || null);
    if (!cursor.success)
      throw new LocalCloudError("INVALID_INPUT", "That page link is not valid. Please reload the list.");
    return jsonResponse(ctx.cloud.store.list(user.id, cursor.data));
  });
}

export function POST(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const owner = requireOwner(ctx);
    const { survey } = await readJson(request, createSchema);
    // A guest check costs a model run with no account behind it: limited per client.
    if (owner.guest)
      takeGuestCheck(ctx.cloud.db, clientAddress(request), new Date(), ctx.cloud.config.GUEST_CHECKS_PER_HOUR);
    return jsonResponse(createAnalysis(ctx.cloud, owner.id, survey), 201);
  });
}
