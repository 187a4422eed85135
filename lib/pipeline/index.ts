export { PipelineError, type ModelImage, type ModelRetryPolicy, type PipelinePorts } from "./ports";
export { backoffDelayMs, defaultModelRetry, invokeWithRetry, MODEL_ATTEMPT_TIMEOUT_MS } from "./model-retry";
export { AnalysisNotFoundError, runAnalysis, toFailure } from "./run-analysis";
export {
  createSageMakerInvoker,
  DEFAULT_MODEL_TIMEOUT_MS,
  MAX_MODEL_PAYLOAD_BYTES,
  parseReport,
  type SageMakerInvokerOptions,
} from "./invoke-model";
export { classifyModelError, toModelError } from "./model-errors";
