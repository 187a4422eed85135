import { connect } from "node:net";

export interface SocketAnswer {
  /** 0 when the server closed or stayed silent without answering. */
  status: number;
  /** Lower-cased names; the first value of each. */
  headers: Record<string, string>;
  /** True when nothing ended the exchange within the time allowed. */
  timedOut: boolean;
}

/**
 * Writes `request` to a fresh TCP connection byte for byte (http.request refuses a missing Host,
 * an Upgrade it would have to handle, or a broken header) and reads the first response head.
 */
export function sendOnSocket(baseUrl: string, request: string, timeoutMs = 5_000): Promise<SocketAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    const finish = (timedOut: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const head = received.split("\r\n\r\n")[0] ?? "";
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        const name = line.slice(0, colon).trim().toLowerCase();
        if (colon > 0 && !(name in headers)) headers[name] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (received.includes("\r\n\r\n")) finish(false);
    });
    socket.on("close", () => finish(false));
    socket.on("error", () => finish(false));
    socket.write(request);
  });
}
