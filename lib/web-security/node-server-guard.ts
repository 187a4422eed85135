import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { capRequestBody } from "./body-cap";
import { bodyLimitFor, MAX_REQUEST_TARGET } from "./body-limits";
import { fallbackSecurityHeaders } from "./headers";
import { isMalformedRouterState } from "./next-quirks";
import { ALLOWED_METHODS, readRequestTarget } from "./request-target";
import { allowedMethods } from "./route-methods";

/**
 * What no route of ours can see, handled where Node's HTTP server hands a request to Next:
 *  - every response gets the fallback security headers it lacks when its head is written, so the
 *    answers Next makes without proxy.ts (its 308 slash redirects, automatic OPTIONS/405) carry them too,
 *    and a 405 without `Allow` gets the route's methods (route-methods.ts);
 *  - an RSC request whose Next-Router-State-Tree Next cannot parse gets a 400 (Next throws while
 *    rendering: a 500). The proxy never sees it: Next strips the RSC headers from the proxy's request;
 *  - TRACE and CONNECT get a 405, and a request-target that is not a path (`*`, or an absolute URL
 *    naming another host) a 400: Next builds a fetch Request from each and throws (a 500 with a
 *    logged stack); a CONNECT was dropped unanswered (request-target.ts);
 *  - Upgrade requests (when `refuseUpgrades`) get a 400. `next start` leaves the socket of an Upgrade
 *    for an unknown path open forever, waiting for a WebSocket server we do not have, and drops the
 *    connection for a known one; `next dev` keeps its hot-reload socket under /_next/;
 *  - a client that hangs up mid-body is not logged: Next copies every proxied body for proxy.ts and
 *    logs the stream's "aborted" error with its stack (4 lines per request, a log-flooding vector);
 *  - a body larger than its route reads gets a 413 before Next copies it for proxy.ts (in memory,
 *    up to 10 MB, with a log line beyond): at once for a Content-Length, mid-stream for a chunked
 *    body (body-cap.ts, body-limits.ts); a request-target over 4 KB gets a 414;
 *  - the errors Node answers itself (a header block over 16 KB, a broken request line or body
 *    framing, an unknown Expect, HTTP/1.1 without Host) carry the headers as well.
 */
export interface NodeServerGuardOptions {
  refuseUpgrades: boolean;
  dev: boolean;
}

const INSTALLED = Symbol.for("skinsight.node-server-guard");
const HOOKED = Symbol.for("skinsight.node-server-guard.expect");

// requireHostHeader: Node ≥ 20 reads it per request; @types/node 20 does not declare it.
type GuardedServer = Server & { [HOOKED]?: boolean; requireHostHeader?: boolean };

export function installNodeServerGuard(options: NodeServerGuardOptions): void {
  const g = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  silenceClientAborts();
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitGuarded(this: GuardedServer, event: string | symbol, ...args: unknown[]) {
    if (event === "connection") watchServer(this);
    if (event === "request" && guardRequest(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    if (event === "upgrade" && options.refuseUpgrades) {
      const [request, socket] = args as [IncomingMessage, Duplex];
      if (!(options.dev && request.url?.startsWith("/_next/"))) {
        answerRaw(socket, 400, "Bad Request", "This server does not accept WebSocket connections.");
        return true;
      }
    }
    if (event === "clientError") {
      const [error, socket] = args as [NodeJS.ErrnoException, Duplex & { bytesWritten?: number }];
      const pending = ANSWERING.get(socket);
      // A request whose own body is broken is answered below, as before; this is about the next one.
      if (pending && pending.request.complete && !pending.response.writableFinished) {
        // Bytes after a request still being answered do not parse (say, a body sent without a length).
        // Closing now would destroy that request mid-answer, and once Next has copied its body for the
        // proxy the copy has no error listener: an uncaughtException. Let it finish, then close.
        // Said in its head when not sent yet, so the client does not send the next request on it.
        if (!pending.response.headersSent) pending.response.setHeader("Connection", "close");
        pending.response.once("close", () => socket.destroy());
        return true;
      }
      // Node's own rule: answer only if nothing was written yet on this connection.
      if (socket.writable && !socket.bytesWritten) {
        const [status, reason] = clientErrorStatus(error.code);
        answerRaw(socket, status, reason, reason);
      } else socket.destroy();
      return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** Returns true when it answered the request itself. */
function guardRequest(request: IncomingMessage, response: ServerResponse): boolean {
  fillMissingHeadersOnWrite(request, response);
  ANSWERING.set(request.socket, { request, response });
  request.on("error", (error) => {
    if (!request.complete || REFUSED_BODIES.has(request)) CLIENT_ABORTS.add(error);
  });
  // What Node's requireHostHeader did (RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400).
  if (request.httpVersion === "1.1" && !request.headers.host) return refuseRequest(request, response);
  // RFC 9112 §3.2: more than one Host is a 400 too (Node keeps the first, and a proxy in front may read another).
  if (hostLines(request.rawHeaders) > 1) return refuseRequest(request, response);
  if (request.method === "TRACE") return refuseMethod(response);
  if ((request.url ?? "").length > MAX_REQUEST_TARGET) return refuseLongTarget(response);
  const target = readRequestTarget(request.method ?? "GET", request.url ?? "", request.headers.host);
  if (target.kind === "options-server") return answerServerOptions(response);
  if (target.kind === "invalid") return refuseRequest(request, response);
  request.url = target.path;
  const limit = bodyLimitFor(target.path);
  if (limit !== null && capRequestBody(request, response, limit, (refused) => REFUSED_BODIES.add(refused))) return true;
  const tree = request.headers["next-router-state-tree"];
  if (tree === undefined || !isMalformedRouterState(Array.isArray(tree) ? tree.join(", ") : tree)) return false;
  return refuseRequest(request, response);
}

function hostLines(rawHeaders: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === "host") n++;
  return n;
}

/** The exchange each connection is in (HTTP/1.1 answers one request at a time per connection). */
const ANSWERING = new WeakMap<Duplex, { request: IncomingMessage; response: ServerResponse }>();

/** The errors of request bodies whose client hung up before sending them whole. */
const CLIENT_ABORTS = new WeakSet<object>();

/** Requests whose body was refused as too large: their connection closes under whoever reads them. */
const REFUSED_BODIES = new WeakSet<IncomingMessage>();

/**
 * Next's router logs a request's error with `console.error(error)` and nothing else; when that error
 * is a request body's own "aborted" (the client went away mid-upload), there is nothing to log and
 * nobody to answer. Only those very error objects are dropped, so every other log line stays.
 */
function silenceClientAborts(): void {
  const error = console.error;
  console.error = function errorUnlessClientAbort(...args: unknown[]) {
    const [first] = args;
    if (args.length === 1 && typeof first === "object" && first !== null && CLIENT_ABORTS.has(first)) return;
    error.apply(console, args);
  };
}

/**
 * Adds each fallback header the response lacks when its head is written (end() writes it too).
 * Not before: Next appends a route handler's own headers, which would then go out twice.
 */
function fillMissingHeadersOnWrite(request: IncomingMessage, response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function writeHeadWithFallbacks(this: ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(fallbackSecurityHeaders())) {
      if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    // Next's 405 for a method a route handler does not export names none (RFC 9110 §15.5.6: it must).
    if (args[0] === 405 && !this.hasHeader("allow")) {
      const allowed = allowedMethods((request.url ?? "").split("?", 1)[0] ?? "");
      if (allowed) this.setHeader("Allow", allowed.join(", "));
    }
    return writeHead.apply(this, args as Parameters<typeof writeHead>);
  } as typeof writeHead;
}

function refuseMethod(response: ServerResponse): true {
  response.writeHead(405, {
    Allow: ALLOWED_METHODS,
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end("Method not allowed.");
  return true;
}

/** RFC 9110 §15.5.15; Node's own 16 KB header limit would otherwise answer a bare 431 a little later. */
function refuseLongTarget(response: ServerResponse): true {
  response.writeHead(414, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "close",
  });
  response.end("That address is too long.");
  return true;
}

/** `OPTIONS *` asks about the server as a whole (RFC 9110 §9.3.7). */
function answerServerOptions(response: ServerResponse): true {
  response.writeHead(204, { Allow: ALLOWED_METHODS, "Cache-Control": "no-store" });
  response.end();
  return true;
}

function refuseRequest(request: IncomingMessage, response: ServerResponse): true {
  const json = request.url?.startsWith("/api/") ?? false;
  const body = json ? JSON.stringify({ code: "INVALID_INPUT", message: "That request is not valid." }) : "Bad Request";
  response.writeHead(400, {
    "Content-Type": json ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(body);
  return true;
}

/**
 * Node answers two requests itself, with bare headers, before any "request" event: an HTTP/1.1
 * request without Host (guardRequest answers it instead) and an Expect it does not know (unless a
 * listener takes it). A CONNECT it drops unanswered.
 */
function watchServer(server: GuardedServer): void {
  if (server[HOOKED]) return;
  server[HOOKED] = true;
  server.requireHostHeader = false;
  // Node drops a CONNECT unanswered when nobody listens (and never emits it): no proxying here.
  if (server.listenerCount("connect") === 0) {
    server.on("connect", (_request: IncomingMessage, socket: Duplex) =>
      answerRaw(socket, 405, "Method Not Allowed", "Method not allowed.", { Allow: ALLOWED_METHODS }),
    );
  }
  if (server.listenerCount("checkExpectation") > 0) return;
  server.on("checkExpectation", (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(417, { ...fallbackSecurityHeaders(), "Content-Type": "text/plain; charset=utf-8" });
    response.end("Expectation Failed");
  });
}

function clientErrorStatus(code: string | undefined): [number, string] {
  if (code === "HPE_HEADER_OVERFLOW") return [431, "Request Header Fields Too Large"];
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return [408, "Request Timeout"];
  return [400, "Bad Request"];
}

/** A whole HTTP/1.1 answer written straight to the socket, which then closes. */
function answerRaw(
  socket: Duplex,
  status: number,
  reason: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string> = {
    ...fallbackSecurityHeaders(),
    ...extra,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(message)),
    "Cache-Control": "no-store",
    Connection: "close",
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  // A client that already hung up makes the write fail; there is nobody left to answer.
  socket.on("error", () => socket.destroy());
  // Closed once written, whatever the client does next (Node's own answers destroy the socket too).
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head.join("")}\r\n${message}`, () => socket.destroy());
}
