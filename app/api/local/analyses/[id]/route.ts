import { deleteAnalysis } from "@/lib/local-cloud/analysis-service";
import { handleLocal, jsonResponse, readId, requireOwner } from "@/lib/local-cloud/http";

export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ id: string }>;
}

/** Also returns `X-Event-Cursor`: pass it as `since` to the event stream to miss nothing after this read. */
export function GET(request: Request, { params }: Params): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const owner = requireOwner(ctx);
    const id = await readId(params);
    // better-sqlite3 is synchronous, so no event can slip in between these two reads.
    const cursor = ctx.cloud.bus.latestId();
    const analysis = ctx.cloud.store.get(owner.id, id);
    return jsonResponse(analysis, 200, { "X-Event-Cursor": String(cursor) });
  });
}

export function DELETE(request: Request, { params }: Params): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const owner = requireOwner(ctx);
    await deleteAnalysis(ctx.cloud, owner.id, await readId(params));
    return new Response(null, { status: 204 });
  });
}
