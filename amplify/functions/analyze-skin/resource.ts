import { defineFunction } from "@aws-amplify/backend";

/**
 * Runs one analysis. It lives in the data stack (resourceGroupName) because the schema both
 * invokes it and grants it access: in its own stack that is a circular stack dependency.
 * 300 s: a SageMaker serverless endpoint that has scaled to zero can take minutes to answer its
 * first request, and the pipeline retries it with backoff within this budget (lib/pipeline/model-retry.ts:
 * 70 s attempts, so three and more fit). AppSync does not wait: the mutation invokes it async.
 * SAGEMAKER_ENDPOINT_NAME is added in custom/customise-backend.ts once the endpoint is known.
 * Node 24 (LTS to April 2028): Lambda deprecated nodejs20.x when Node 20 reached end of life on
 * 2026-04-30 and then stopped creating new nodejs20.x functions, so a pinned 20 fails to deploy.
 */
export const FUNCTION_TIMEOUT_SECONDS = 300;

export const analyzeSkin = defineFunction({
  name: "analyze-skin",
  entry: "./handler.ts",
  resourceGroupName: "data",
  timeoutSeconds: FUNCTION_TIMEOUT_SECONDS,
  memoryMB: 1024,
  runtime: 24,
});
