import { z } from "zod";
import { analysisSchema, type Analysis } from "../../domain/analysis";
import { BackendError, type Unsubscribe } from "../port";

/** The slice of EventSource this adapter uses; browsers' and the `eventsource` package's both fit. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

const deletedSchema = z.object({ id: z.string() });
const EVENT_SOURCE_CLOSED = 2;
// EventSource retries network drops itself but gives up on an HTTP error (e.g. 503 while the
// server restarts); then we re-read the record and open a new stream, a few times.
const MAX_REOPENS = 5;
const REOPEN_DELAY_MS = 2000;

const parseJson = (text: unknown): unknown => {
  try {
    return JSON.parse(String(text));
  } catch {
    return undefined;
  }
};

export interface ObserveDeps {
  /** Reads the record and the event cursor taken at the same moment; null when it is not found. */
  read(id: string): Promise<{ analysis: Analysis; cursor: string } | null>;
  open(url: string): EventSourceLike;
  eventsUrl: string;
}

/** Nothing more happens to it unless someone deletes it: complete, or failed in a way only a new photo mends. */
const isSettled = (analysis: Analysis) =>
  analysis.status === "COMPLETE" || (analysis.status === "FAILED" && analysis.failure?.retryable === false);

/** Current record first, then every change pushed over SSE, with nothing missed in between. */
export function observeAnalysis(
  deps: ObserveDeps,
  id: string,
  onChange: (analysis: Analysis) => void,
  onError?: (error: BackendError) => void,
): Unsubscribe {
  let closed = false;
  let source: EventSourceLike | null = null;
  let last: Analysis | null = null;
  let reopens = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (analysis: Analysis) => {
    if (closed || analysis.id !== id) return;
    if (last && last.updatedAt === analysis.updatedAt && last.status === analysis.status) return;
    last = analysis;
    onChange(analysis);
  };
  const fail = (error: BackendError) => {
    if (closed) return;
    closed = true;
    source?.close();
    onError?.(error);
  };

  const connect = async () => {
    const current = await deps.read(id);
    if (closed) return;
    if (!current) return fail(new BackendError("NOT_FOUND", "We couldn't find that analysis."));
    deliver(current.analysis);
    // `since` replays anything that changed after the read above; reconnects send Last-Event-ID.
    const query = new URLSearchParams({ analysisId: id, since: current.cursor });
    const stream = deps.open(`${deps.eventsUrl}?${query}`);
    source = stream;
    stream.addEventListener("analysis", (event) => {
      const parsed = analysisSchema.safeParse(parseJson(event.data));
      if (parsed.success) {
        reopens = 0;
        deliver(parsed.data);
      }
    });
    stream.addEventListener("analysis-deleted", (event) => {
      if (deletedSchema.safeParse(parseJson(event.data)).data?.id === id) {
        fail(new BackendError("NOT_FOUND", "This analysis was deleted."));
      }
    });
    stream.onerror = () => {
      if (closed || stream.readyState !== EVENT_SOURCE_CLOSED) return;
      if (++reopens > MAX_REOPENS) {
        // A finished result only changes by being deleted: the page already shows all there is, so no error over it
        // (a person with many results open in tabs is refused streams past their limit).
        if (last && isSettled(last)) {
          closed = true;
          return;
        }
        return fail(
          new BackendError("UNAVAILABLE", "Live updates stopped. Please reload the page.", {
            reason: "LIVE_UPDATES_STOPPED",
          }),
        );
      }
      timer = setTimeout(() => void connect().catch(onConnectError), REOPEN_DELAY_MS * reopens);
    };
  };
  const onConnectError = (error: unknown) => {
    if (
      error instanceof BackendError &&
      (error.code === "UNAVAILABLE" || error.code === "INTERNAL") &&
      reopens < MAX_REOPENS
    ) {
      reopens++;
      timer = setTimeout(() => void connect().catch(onConnectError), REOPEN_DELAY_MS * reopens);
      return;
    }
    fail(
      error instanceof BackendError ? error : new BackendError("INTERNAL", "Live updates failed.", { cause: error }),
    );
  };

  void connect().catch(onConnectError);
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
