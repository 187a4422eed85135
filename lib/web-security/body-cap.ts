import type { IncomingMessage, ServerResponse } from "node:http";
import { fallbackSecurityHeaders } from "./headers";

/**
 * How long a connection whose body was refused keeps reading (and dropping) what the client still
 * sends. Closing a socket with unread bytes makes the kernel send a reset, which can reach the
 * client before it has read the 413 ("lingering close", as Apache and nginx do it).
 */
const LINGER_MS = 2_000;

type Push = IncomingMessage["push"];

/**
 * Holds a request's body to `limit` bytes, before anything reads it:
 *  - a Content-Length over the limit is refused at once (`true`: nobody else may answer it);
 *  - a body sent without a length (chunked) is counted as it arrives; past the limit it is refused
 *    mid-stream and nothing more of it reaches whoever reads the request.
 * Refused means a 413 written on the connection, which then closes; `onRefused` hears of the request
 * first, so the error its reader then sees ("aborted") can be told apart from a client's hang-up.
 */
export function capRequestBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
  onRefused: (request: IncomingMessage) => void,
): boolean {
  const declared = request.headers["content-length"];
  const refuse = () => {
    onRefused(request);
    refuseOnSocket(request, response);
  };
  let refused = false;
  let received = 0;
  const push: Push = request.push;
  request.push = function pushWithinLimit(this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    if (refused) {
      // The body is over; the 413 is out (or going), so the connection may close now.
      if (chunk === null) closeOnceWritten(request);
      return true;
    }
    if (chunk !== null && chunk !== undefined) received += (chunk as Buffer).length;
    if (received > limit) {
      refused = true;
      refuse();
      return true;
    }
    return push.call(this, chunk, encoding);
  } as Push;
  if (declared === undefined || Number(declared) <= limit) return false;
  refused = true;
  refuse();
  return true;
}

function refuseOnSocket(request: IncomingMessage, response: ServerResponse): void {
  const socket = request.socket;
  // Already answering (an event stream, say): nothing can be said any more, only closed.
  if (!socket.writable || response.headersSent) {
    socket.destroy();
    return;
  }
  const json = request.url?.startsWith("/api/") ?? false;
  const body = json
    ? JSON.stringify({ code: "TOO_LARGE", message: "That request is too large." })
    : "That request is too large.";
  const headers: Record<string, string> = {
    ...fallbackSecurityHeaders(),
    "Content-Type": json ? "application/json" : "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    Connection: "close",
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.on("error", () => socket.destroy());
  socket.end(`HTTP/1.1 413 Content Too Large\r\n${head.join("")}\r\n${body}`);
  const linger = setTimeout(() => socket.destroy(), LINGER_MS);
  linger.unref();
  socket.once("close", () => clearTimeout(linger));
}

function closeOnceWritten(request: IncomingMessage): void {
  const socket = request.socket;
  if (socket.writableFinished) socket.destroy();
  else socket.once("finish", () => socket.destroy());
}
