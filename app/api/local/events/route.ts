import { z } from "zod";
import { LocalCloudError } from "@/lib/local-cloud/errors";
import { handleLocal, readId, requireOwner, type RequestContext } from "@/lib/local-cloud/http";
import { openEventStream, SSE_HEADERS } from "@/lib/local-cloud/sse";

export const dynamic = "force-dynamic";

const cursorSchema = z.coerce.number().int().min(0);

interface StreamRequest {
  owner: string;
  analysisId?: string;
  afterId: number | null;
}

/** Who may listen to what: the checks GET and HEAD share. */
async function readStreamRequest(ctx: RequestContext): Promise<StreamRequest> {
  // During shutdown a reconnecting EventSource would hold Next's graceful close open forever.
  if (ctx.cloud.bus.isClosing)
    throw new LocalCloudError("UNAVAILABLE", "The server is restarting. Please wait a moment.");
  const owner = requireOwner(ctx);
  const url = new URL(ctx.request.url);
  const rawId = url.searchParams.get("analysisId");
  const analysisId = rawId === null ? undefined : await readId(Promise.resolve({ id: rawId }));
  if (analysisId) ctx.cloud.store.get(owner.id, analysisId);
  const rawCursor = ctx.request.headers.get("last-event-id") ?? url.searchParams.get("since");
  let afterId: number | null = null;
  if (rawCursor !== null && rawCursor !== "") {
    const parsed = cursorSchema.safeParse(rawCursor);
    if (!parsed.success) throw new LocalCloudError("INVALID_INPUT", "The event cursor is not valid.");
    afterId = parsed.data;
  }
  return { owner: owner.id, analysisId, afterId };
}

/**
 * The signed-in user's analysis events over SSE. `?analysisId=` narrows to one of their analyses
 * (404 for anyone else's); Last-Event-ID (or `?since=`) replays what was missed.
 */
export function GET(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const { owner, analysisId, afterId } = await readStreamRequest(ctx);
    return openEventStream(ctx.cloud.bus, owner, {
      afterId,
      analysisId,
      heartbeatMs: ctx.cloud.config.SSE_HEARTBEAT_MS,
      maxStreams: ctx.cloud.config.SSE_MAX_STREAMS_PER_USER,
      signal: request.signal,
    });
  });
}

/** Same answer as GET without a body. Next's implicit HEAD ran GET and left its stream open forever. */
export function HEAD(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    await readStreamRequest(ctx);
    return new Response(null, { headers: SSE_HEADERS });
  });
}
