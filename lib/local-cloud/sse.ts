import { LocalCloudError } from "./errors";
import type { EventBus, LocalEvent } from "./events";

const encoder = new TextEncoder();
// Browsers reconnect after this long when the stream drops (e.g. a server restart).
const RETRY_MS = 1000;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

const frame = (event: LocalEvent) => `id: ${event.id}\nevent: ${event.type}\ndata: ${event.data}\n\n`;

/**
 * One user's live stream: replays the log after `afterId` (from Last-Event-ID or `since`), then
 * forwards live events. Subscribing before replaying and de-duplicating by id means no event
 * falls between the two.
 */
export function openEventStream(
  bus: EventBus,
  owner: string,
  options: {
    afterId: number | null;
    analysisId?: string;
    heartbeatMs: number;
    maxStreams: number;
    signal: AbortSignal;
  },
): Response {
  const { afterId, analysisId, heartbeatMs, maxStreams, signal } = options;
  // Each stream holds a socket, a listener and a timer; one user's tabs never need more than a few.
  if (bus.streamCount(owner) >= maxStreams) {
    throw new LocalCloudError("RATE_LIMITED", "Too many live connections are open. Please close a tab and try again.");
  }
  // The client went away before we got here: open nothing that would wait for it.
  if (signal.aborted) return new Response(null, { status: 204 });
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let lastSent = afterId ?? 0;
      let replaying = true;
      const pending: LocalEvent[] = [];
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const send = (event: LocalEvent) => {
        if (event.id <= lastSent) return;
        lastSent = event.id;
        write(frame(event));
      };
      const unsubscribe = bus.subscribe(owner, (event) => {
        if (analysisId && event.analysisId !== analysisId) return;
        if (replaying) pending.push(event);
        else send(event);
      });
      const heartbeat = setInterval(() => write(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
      const untrack = bus.trackStream(owner, () => cleanup());
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        untrack();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      signal.addEventListener("abort", cleanup);

      write(`retry: ${RETRY_MS}\n: connected\n\n`);
      if (afterId !== null) for (const event of bus.replay(owner, afterId, analysisId)) send(event);
      replaying = false;
      for (const event of pending) send(event);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
