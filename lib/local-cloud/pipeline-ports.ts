import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { loadCatalog } from "@/lib/domain/catalog";
import { createSageMakerInvoker, PipelineError, type PipelinePorts } from "@/lib/pipeline";
import type { AnalysisStore } from "./analyses";
import type { LocalCloudConfig } from "./config";
import type { ModelProcess } from "./model-process";
import type { ImageStorage } from "./storage";

/** How long an invocation waits for a (re)starting model server before failing MODEL_UNAVAILABLE. */
const MODEL_WAIT_MS = 20_000;

/** The job runner's side of the pipeline: the same runAnalysis the Lambda uses, over local parts. */
export function createLocalPipelinePorts(deps: {
  config: LocalCloudConfig;
  store: AnalysisStore;
  storage: ImageStorage;
  model: ModelProcess;
}): PipelinePorts {
  const { config, store, storage, model } = deps;
  // One client per model-server address: a restarted child listens on a new free port.
  let invoker: { endpoint: string; invoke: PipelinePorts["invokeModel"] } | null = null;

  const invokerFor = (endpoint: string) => {
    if (invoker?.endpoint !== endpoint) {
      const client = new SageMakerRuntimeClient({
        endpoint,
        region: "local",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
        // The pipeline decides retries (the user retries a retryable failure); the SDK must not stall it.
        maxAttempts: 1,
      });
      invoker = {
        endpoint,
        invoke: createSageMakerInvoker({
          client,
          endpointName: config.MODEL_ENDPOINT_NAME,
          timeoutMs: config.MODEL_TIMEOUT_MS,
        }),
      };
    }
    return invoker.invoke;
  };

  return {
    loadAnalysis: async (id) => store.find(id),
    saveAnalysis: async (analysis) => store.save(analysis, new Date()),
    readImage: async (imageKey) => {
      const bytes = await storage.read(imageKey);
      if (!bytes) throw new PipelineError("IMAGE_MISSING", `No file for ${imageKey}.`);
      return { bytes, contentType: "image/jpeg" };
    },
    invokeModel: async (image) => {
      let endpoint: string;
      try {
        endpoint = await model.waitReady(Math.min(MODEL_WAIT_MS, config.MODEL_TIMEOUT_MS));
      } catch (error) {
        throw new PipelineError("MODEL_UNAVAILABLE", "The local model server is not running.", { cause: error });
      }
      return invokerFor(endpoint)(image);
    },
    catalog: loadCatalog(),
    now: () => new Date().toISOString(),
  };
}
