import { z } from "zod";
import { surveySchema } from "@/lib/domain/survey";
import { createAnalysis } from "@/lib/local-cloud/analysis-service";
import { LocalCloudError } from "@/lib/local-cloud/errors";
import { handleLocal, jsonResponse, readJson, requireUser } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

const createSchema = z.object({ survey: surveySchema }, { error: "Please send your survey answers." });
const cursorSchema = z.string().max(512).regex(/^[A-Za-z0-9_-]+$/).nullable();

export function GET(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const user = requireUser(ctx);
    const cursor = cursorSchema.safeParse(new URL(request.url).searchParams.get("cursor") || null);
    if (!cursor.success) throw new LocalCloudError("INVALID_INPUT", "That page link is not valid. Please reload the list.");
    return jsonResponse(ctx.cloud.store.list(user.id, cursor.data));
  });
}

export function POST(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const user = requireUser(ctx);
    const { survey } = await readJson(request, createSchema);
    return jsonResponse(createAnalysis(ctx.cloud, user.id, survey), 201);
  });
}
