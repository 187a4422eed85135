import { parentPort } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./protocol";
import { analyzeImage, isAnalyzerInputError, warmUp } from "../../lib/analyzer/index";

const port = parentPort;
if (!port) throw new Error("analysis-worker must run in a worker thread");

async function handle(req: WorkerRequest): Promise<WorkerReply> {
  try {
    const report = await analyzeImage(req.bytes);
    return { id: req.id, ok: true, report };
  } catch (err) {
    if (isAnalyzerInputError(err)) return { id: req.id, ok: false, input: true, code: err.code, message: err.message };
    const message = err instanceof Error ? err.message : String(err);
    return { id: req.id, ok: false, input: false, code: "INTERNAL", message };
  }
}

port.on("message", (req: WorkerRequest) => {
  void handle(req).then((reply) => port.postMessage(reply));
});

warmUp().then(
  () => port.postMessage({ ready: true }),
  (err: unknown) => port.postMessage({ ready: false, message: err instanceof Error ? err.message : String(err) }),
);
