import { z } from "zod";
import { analysisSchema, type Analysis } from "../../domain/analysis";
import { BackendError, type BackendPort, type Page, type Unsubscribe, type User } from "../port";
import { jsonInit, parseBody, send } from "./http-client";
import { observeAnalysis, type EventSourceLike } from "./observe-analysis";
import { putWithProgress } from "./upload-with-progress";
import type { Survey } from "../../domain/survey";

export interface LocalBackendOptions {
  /** Origin of the Skinsight server; empty (same origin) in the browser. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}

const userSchema = z.object({ id: z.string(), email: z.string() });
const userBodySchema = z.object({ user: userSchema });
const meBodySchema = z.object({ user: userSchema.nullable() });
const guestResultSchema = z.object({ claim: z.string().min(1) });
const pageSchema = z.object({ items: z.array(analysisSchema), nextCursor: z.string().nullable() });

/** BackendPort over the local cloud's HTTP routes (app/api/local) and its SSE stream. */
export function createLocalBackend(options: LocalBackendOptions = {}): BackendPort {
  const base = `${options.baseUrl ?? ""}/api/local`;
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const openEvents =
    options.createEventSource ?? ((url: string): EventSourceLike => new EventSource(url, { withCredentials: true }));
  const canTrackUpload = !options.fetch && typeof XMLHttpRequest !== "undefined";
  const analysisUrl = (id: string) => `${base}/analyses/${encodeURIComponent(id)}`;

  const getWithCursor = async (id: string): Promise<{ analysis: Analysis; cursor: string } | null> => {
    try {
      const response = await send(fetchFn, analysisUrl(id));
      return {
        analysis: await parseBody(response, analysisSchema),
        cursor: response.headers.get("x-event-cursor") ?? "",
      };
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
      return (
        await parseBody(
          await send(fetchFn, `${base}/auth/sign-up`, jsonInit("POST", { email, password })),
          userBodySchema,
        )
      ).user;
    },
    async signIn(email, password) {
      return (
        await parseBody(
          await send(fetchFn, `${base}/auth/sign-in`, jsonInit("POST", { email, password })),
          userBodySchema,
        )
      ).user;
    },
    async signOut() {
      await send(fetchFn, `${base}/auth/sign-out`, { method: "POST" });
    },

    async createAnalysis(survey: Survey) {
      return parseBody(await send(fetchFn, `${base}/analyses`, jsonInit("POST", { survey })), analysisSchema);
    },
    async uploadSelfie(id, image, onProgress) {
      onProgress?.({ loaded: 0, total: image.size });
      // Browsers report real progress through XMLHttpRequest; an injected fetch (Node) reports both ends.
      const uploadFetch: typeof fetch =
        onProgress && canTrackUpload ? (input) => putWithProgress(String(input), image, onProgress) : fetchFn;
      const response = await send(uploadFetch, `${analysisUrl(id)}/image`, {
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
      return observeAnalysis(
        { read: getWithCursor, open: openEvents, eventsUrl: `${base}/events` },
        id,
        onChange,
        onError,
      );
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

    async beginGuestCheck() {
      await send(fetchFn, `${base}/guest`, { method: "POST" });
    },
    async finishGuestCheck(id) {
      return parseBody(
        await send(fetchFn, `${base}/guest/analyses/${encodeURIComponent(id)}/shown`, { method: "POST" }),
        guestResultSchema,
      );
    },
    async keepGuestResult(claim) {
      return parseBody(await send(fetchFn, `${base}/guest/keep`, jsonInit("POST", { claim })), analysisSchema);
    },

    async exportMyData() {
      return (await send(fetchFn, `${base}/me/export`)).blob();
    },
    async deleteAccount(password) {
      await send(fetchFn, `${base}/me`, jsonInit("DELETE", { password }));
    },
  };
}
