import { z } from "zod";
import { analysisSchema, type Analysis } from "../../domain/analysis";
import type { Survey } from "../../domain/survey";
import { BackendError, type BackendPort, type Page, type Unsubscribe, type User } from "../port";
import { jsonInit, parseBody, send } from "./http-client";

/** The slice of EventSource this adapter uses; browsers' and the `eventsource` package's both fit. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface LocalBackendOptions {
  /** Origin of the Skinsight server; empty (same origin) in the browser. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}

const userSchema = z.object({ id: z.string(), email: z.string() });
const userBodySchema = z.object({ user: userSchema });
const meBodySchema = z.object({ user: userSchema.nullable() });
const pageSchema = z.object({ items: z.array(analysisSchema), nextCursor: z.string().nullable() });
const deletedSchema = z.object({ id: z.string() });
const EVENT_SOURCE_CLOSED = 2;

/** BackendPort over the local cloud's HTTP routes (app/api/local) and its SSE stream. */
export function createLocalBackend(options: LocalBackendOptions = {}): BackendPort {
  const base = `${options.baseUrl ?? ""}/api/local`;
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const openEvents =
    options.createEventSource ?? ((url: string): EventSourceLike => new EventSource(url, { withCredentials: true }));
  const analysisUrl = (id: string) => `${base}/analyses/${encodeURIComponent(id)}`;

  const getWithCursor = async (id: string): Promise<{ analysis: Analysis; cursor: string } | null> => {
    try {
      const response = await send(fetchFn, analysisUrl(id));
      return { analysis: await parseBody(response, analysisSchema), cursor: response.headers.get("x-event-cursor") ?? "" };
    } catch (error) {
      if (error instanceof BackendError && error.code === "NOT_FOUND") return null;
      throw error;
    }
  };

  return {
    mode: "local",

    async getCurrentUser(): Promise<User | null> {
      return (await parseBody(await send(fetchFn, `${base}/auth/me`), meBodySchema)).user;
    },
    async signUp(email, password) {
      return (await parseBody(await send(fetchFn, `${base}/auth/sign-up`, jsonInit("POST", { email, password })), userBodySchema)).user;
    },
    async signIn(email, password) {
      return (await parseBody(await send(fetchFn, `${base}/auth/sign-in`, jsonInit("POST", { email, password })), userBodySchema)).user;
    },
    async signOut() {
      await send(fetchFn, `${base}/auth/sign-out`, { method: "POST" });
    },

    async createAnalysis(survey: Survey) {
      return parseBody(await send(fetchFn, `${base}/analyses`, jsonInit("POST", { survey })), analysisSchema);
    },
    async uploadSelfie(id, image, onProgress) {
      // fetch reports no upload progress; locally the upload is near-instant, so report both ends.
      onProgress?.({ loaded: 0, total: image.size });
      const response = await send(fetchFn, `${analysisUrl(id)}/image`, {
        method: "PUT",
        headers: { "Content-Type": image.type || "application/octet-stream" },
        body: image,
      });
      const analysis = await parseBody(response, analysisSchema);
      onProgress?.({ loaded: image.size, total: image.size });
      return analysis;
    },
    async startAnalysis(id) {
      return parseBody(await send(fetchFn, `${analysisUrl(id)}/start`, { method: "POST" }), analysisSchema);
    },
    async getAnalysis(id) {
      return (await getWithCursor(id))?.analysis ?? null;
    },

    observeAnalysis(id, onChange, onError): Unsubscribe {
      let closed = false;
      let source: EventSourceLike | null = null;
      const fail = (error: BackendError) => {
        if (!closed) onError?.(error);
      };
      void (async () => {
        const current = await getWithCursor(id);
        if (closed) return;
        if (!current) return fail(new BackendError("NOT_FOUND", "We couldn't find that analysis."));
        onChange(current.analysis);
        // `since` makes the stream replay anything that changed after the read above.
        const query = new URLSearchParams({ analysisId: id, since: current.cursor });
        source = openEvents(`${base}/events?${query}`);
        source.addEventListener("analysis", (event) => {
          const parsed = analysisSchema.safeParse(JSON.parse(String(event.data)));
          if (!closed && parsed.success && parsed.data.id === id) onChange(parsed.data);
        });
        source.addEventListener("analysis-deleted", (event) => {
          if (deletedSchema.safeParse(JSON.parse(String(event.data))).data?.id !== id) return;
          fail(new BackendError("NOT_FOUND", "This analysis was deleted."));
        });
        source.onerror = () => {
          // While CONNECTING the EventSource retries by itself; CLOSED means it gave up (e.g. signed out).
          if (source?.readyState === EVENT_SOURCE_CLOSED) {
            fail(new BackendError("UNAVAILABLE", "Live updates stopped. Please reload the page."));
          }
        };
      })().catch((error: unknown) =>
        fail(error instanceof BackendError ? error : new BackendError("INTERNAL", "Live updates failed.", { cause: error })),
      );
      return () => {
        closed = true;
        source?.close();
      };
    },

    async listAnalyses(cursor): Promise<Page<Analysis>> {
      const query = cursor ? `?${new URLSearchParams({ cursor })}` : "";
      return parseBody(await send(fetchFn, `${base}/analyses${query}`), pageSchema);
    },
    async deleteAnalysis(id) {
      await send(fetchFn, analysisUrl(id), { method: "DELETE" });
    },
    async getImageUrl(analysis) {
      return analysis.imageKey ? `${analysisUrl(analysis.id)}/image` : null;
    },
  };
}
