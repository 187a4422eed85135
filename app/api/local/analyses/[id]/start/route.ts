import { startAnalysis } from "@/lib/local-cloud/analysis-service";
import { handleLocal, jsonResponse, readId, requireOwner } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const owner = requireOwner(ctx);
    return jsonResponse(startAnalysis(ctx.cloud, owner.id, await readId(params)), 202);
  });
}
