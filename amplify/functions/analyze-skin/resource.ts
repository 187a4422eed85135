import { defineFunction } from "@aws-amplify/backend";

/**
 * Runs one analysis. It lives in the data stack (resourceGroupName) because the schema both
 * invokes it and grants it access: in its own stack that is a circular stack dependency.
 * 60 s: a SageMaker serverless cold start plus inference fits, and AppSync does not wait (async).
 * SAGEMAKER_ENDPOINT_NAME is added in custom/customise-backend.ts once the endpoint is known.
 * Node 24 (LTS to April 2028): Lambda deprecated nodejs20.x when Node 20 reached end of life on
 * 2026-04-30 and then stopped creating new nodejs20.x functions, so a pinned 20 fails to deploy.
 */
export const analyzeSkin = defineFunction({
  name: "analyze-skin",
  entry: "./handler.ts",
  resourceGroupName: "data",
  timeoutSeconds: 60,
  memoryMB: 1024,
  runtime: 24,
});
