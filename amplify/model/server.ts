import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { AnalysisError, WorkerPool } from "./worker-pool";
import { MAX_BYTES } from "../../lib/analyzer/decode";

export type ModelServerOptions = { port: number; host?: string; workers?: number };
export type ModelServer = {
  port: number;
  /** Resolves when every analysis thread has loaded the model (GET /ping turns 200). */
  ready: Promise<void>;
  close(): Promise<void>;
};

/** SageMaker sends the ContentType the caller chose; these are the image types we analyse. */
const ACCEPTED_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/octet-stream",
  "application/x-image",
]);
const INVOCATIONS = /^\/(?:endpoints\/[A-Za-z0-9-]{1,63}\/)?invocations$/;

/** HTTP status per analyzer input-error code. */
const STATUS: Record<string, number> = {
  EMPTY: 400,
  UNSUPPORTED_TYPE: 415,
  CORRUPT: 422,
  TOO_SMALL: 422,
  TOO_LARGE: 413,
  TOO_MANY_PIXELS: 413,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  };
  // The SageMaker runtime client reads the error name from this header (restJson1 protocol).
  if (status >= 400 && typeof body === "object" && body && "code" in body)
    headers["x-amzn-errortype"] = String(body.code);
  res.writeHead(status, headers);
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > MAX_BYTES) return reject(new HttpError(413, "TOO_LARGE", "The photo is larger than 15 MB."));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(new HttpError(413, "TOO_LARGE", "The photo is larger than 15 MB."));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

async function invoke(pool: WorkerPool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = (req.headers["content-type"] ?? "application/octet-stream").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPTED_TYPES.has(type)) {
    req.resume();
    throw new HttpError(415, "UNSUPPORTED_TYPE", "Send a JPEG, PNG or WebP photo.");
  }
  const bytes = await readBody(req);
  if (!pool.isReady) throw new HttpError(503, "NOT_READY", "The model is still loading.");
  const report = await pool.analyze(bytes);
  send(res, 200, report);
}

function handle(pool: WorkerPool, req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/ping") {
    if (req.method !== "GET" && req.method !== "HEAD")
      return send(res, 405, { code: "METHOD_NOT_ALLOWED", message: "Use GET." });
    return pool.isReady
      ? send(res, 200, { status: "ok" })
      : send(res, 503, { code: "NOT_READY", message: "The model is still loading." });
  }
  if (!INVOCATIONS.test(path)) return send(res, 404, { code: "NOT_FOUND", message: `No route for ${path}.` });
  if (req.method !== "POST") return send(res, 405, { code: "METHOD_NOT_ALLOWED", message: "Use POST." });
  invoke(pool, req, res).catch((err: unknown) => {
    if (err instanceof HttpError) return send(res, err.status, { code: err.code, message: err.message });
    if (err instanceof AnalysisError && err.input)
      return send(res, STATUS[err.code] ?? 400, { code: err.code, message: err.message });
    console.error("model server: analysis failed", err);
    send(res, 500, { code: "INTERNAL", message: "The analysis failed unexpectedly." });
  });
}

/** Starts the SageMaker-contract HTTP server (GET /ping, POST /invocations and /endpoints/{name}/invocations). */
export async function startModelServer(opts: ModelServerOptions): Promise<ModelServer> {
  const pool = new WorkerPool(opts.workers ?? os.availableParallelism());
  // A failed model load is reported through `ready`; keep it from becoming an unhandled rejection.
  pool.ready.catch(() => {});
  const server = createServer((req, res) => handle(pool, req, res));
  // SageMaker's runtime times out invocations at 60 s; keep-alive connections are reused by the SDK.
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    port,
    ready: pool.ready,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pool.close();
      })();
      return closed;
    },
  };
}
