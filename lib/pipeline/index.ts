export { PipelineError, type PipelinePorts } from "./ports";
export { AnalysisNotFoundError, runAnalysis, toFailure } from "./run-analysis";
export { createSageMakerInvoker, DEFAULT_MODEL_TIMEOUT_MS, parseReport, type SageMakerInvokerOptions } from "./invoke-model";
export { classifyModelError, toModelError } from "./model-errors";
