import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SkinReport } from "@/lib/domain/skin-report";
import { makeReport } from "../domain/records";

/** A schema-valid report; the stub stands in for the model only where a test needs a slow or broken one. */
export const STUB_REPORT: SkinReport = makeReport({ timings: { total: 5 } });

export interface ModelStub {
  url: string;
  invocations: number;
  /** Milliseconds to wait before answering an invocation. */
  delayMs: number;
  close(): Promise<void>;
}

/** An HTTP server on the SageMaker runtime wire path (`POST /endpoints/{name}/invocations`). */
export async function startModelStub(options: { delayMs?: number } = {}): Promise<ModelStub> {
  const stub = { url: "", invocations: 0, delayMs: options.delayMs ?? 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/ping") {
      res.writeHead(200).end("ok");
      return;
    }
    if (req.method === "POST" && /^\/endpoints\/[^/]+\/invocations$/.test(req.url ?? "")) {
      stub.invocations++;
      req.resume();
      req.on("end", () => {
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(STUB_REPORT));
        }, stub.delayMs);
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stub.url = `http://127.0.0.1:${port}`;
  stub.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}
