import { z } from "zod";
import { LocalCloudError } from "@/lib/local-cloud/errors";
import { handleLocal, readId, requireUser } from "@/lib/local-cloud/http";
import { openEventStream } from "@/lib/local-cloud/sse";

export const dynamic = "force-dynamic";

const cursorSchema = z.coerce.number().int().min(0);

/**
 * The signed-in user's analysis events over SSE. `?analysisId=` narrows to one of their analyses
 * (404 for anyone else's); Last-Event-ID (or `?since=`) replays what was missed.
 */
export function GET(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    // During shutdown a reconnecting EventSource would hold Next's graceful close open forever.
    if (ctx.cloud.bus.isClosing) throw new LocalCloudError("UNAVAILABLE", "The server is restarting. Please wait a moment.");
    const user = requireUser(ctx);
    const url = new URL(request.url);
    const rawId = url.searchParams.get("analysisId");
    const analysisId = rawId === null ? undefined : await readId(Promise.resolve({ id: rawId }));
    if (analysisId) ctx.cloud.store.get(user.id, analysisId);
    const rawCursor = request.headers.get("last-event-id") ?? url.searchParams.get("since");
    let afterId: number | null = null;
    if (rawCursor !== null && rawCursor !== "") {
      const parsed = cursorSchema.safeParse(rawCursor);
      if (!parsed.success) throw new LocalCloudError("INVALID_INPUT", "The event cursor is not valid.");
      afterId = parsed.data;
    }
    return openEventStream(ctx.cloud.bus, user.id, {
      afterId,
      analysisId,
      heartbeatMs: ctx.cloud.config.SSE_HEARTBEAT_MS,
      signal: request.signal,
    });
  });
}
