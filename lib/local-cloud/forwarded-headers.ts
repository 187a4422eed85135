import { Server, type IncomingMessage } from "node:http";

// What a reverse proxy would set. Without one, only a client can have sent them.
const FORWARDED_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
];
const INSTALLED = Symbol.for("skinsight.forwarded-header-guard");

/** Replaces whatever the client sent with what the socket says (Next reads these before it would fill them in). */
export function stripForwardedHeaders(request: IncomingMessage): void {
  for (const name of FORWARDED_HEADERS) delete request.headers[name];
  const { socket } = request;
  if (socket.remoteAddress) request.headers["x-forwarded-for"] = socket.remoteAddress;
  request.headers["x-forwarded-proto"] = "encrypted" in socket && socket.encrypted ? "https" : "http";
  if (request.headers.host) request.headers["x-forwarded-host"] = request.headers.host;
}

/**
 * `next start` keeps a client's own X-Forwarded-For/Host/Proto (it only fills them in when
 * absent), and route handlers never see the socket. Replacing them as each request arrives makes
 * X-Forwarded-For the real peer address: what the sign-in throttle keys on. With TRUST_PROXY set
 * a proxy in front owns these headers and they are kept.
 */
export function installForwardedHeaderGuard(trustProxy: boolean): void {
  const g = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (trustProxy || g[INSTALLED]) return;
  g[INSTALLED] = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithoutForwardedHeaders(
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") stripForwardedHeaders(args[0] as IncomingMessage);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
