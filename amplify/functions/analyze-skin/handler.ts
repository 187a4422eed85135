import { getAmplifyDataClientConfig } from "@aws-amplify/backend/function/runtime";
import { S3Client } from "@aws-sdk/client-s3";
import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { Amplify } from "aws-amplify";
import { generateClient } from "aws-amplify/data";
import { createAnalyzeSkinHandler } from "./analyze-skin";
import { readFunctionEnv } from "./function-env";
import { loadCatalog } from "../../../lib/domain/catalog";
import type { Schema } from "../../data/resource";

// Clients live outside the handler so warm invocations reuse their connections.
const env = readFunctionEnv(process.env);
const s3 = new S3Client({});

async function configureDataClient() {
  // IAM auth: the schema grants this function access with allow.resource(analyzeSkin).
  const { resourceConfig, libraryOptions } = await getAmplifyDataClientConfig(env.dataClientEnv, s3);
  Amplify.configure(resourceConfig, libraryOptions);
  return generateClient<Schema>();
}
let dataClient: ReturnType<typeof configureDataClient> | undefined;

const run = createAnalyzeSkinHandler({
  s3,
  // One attempt per call: the pipeline retries a cold endpoint within the invocation's time budget.
  sagemaker: new SageMakerRuntimeClient({ maxAttempts: 1 }),
  bucket: env.bucket,
  endpointName: env.endpointName,
  analysisModel: async () => (await (dataClient ??= configureDataClient())).models.Analysis,
  catalog: loadCatalog(),
});

export const handler: Schema["startAnalysis"]["functionHandler"] = async (event, context) => {
  await run(event, () => context.getRemainingTimeInMillis());
};
