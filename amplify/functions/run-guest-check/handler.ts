import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { readGuestFunctionEnv } from "./function-env";
import { createGuestCheckHandler } from "./guest-check";
import { createDynamoGuestLimiter } from "./guest-limit";
import { loadCatalog } from "../../../lib/domain/catalog";
import type { Schema } from "../../data/resource";

// Clients live outside the handler so warm invocations reuse their connections.
const env = readGuestFunctionEnv(process.env);

const run = createGuestCheckHandler({
  s3: new S3Client({}),
  // One attempt per call: the handler gives the model one long call within AppSync's 30 s.
  sagemaker: new SageMakerRuntimeClient({ maxAttempts: 1 }),
  bucket: env.bucket,
  endpointName: env.endpointName,
  catalog: loadCatalog(),
  limiter: createDynamoGuestLimiter({
    client: new DynamoDBClient({}),
    table: env.limitTable,
    perHour: env.checksPerHour,
  }),
});

/** AWSJSON travels as a string; the browser adapter parses it back with zod. */
export const handler: Schema["runGuestCheck"]["functionHandler"] = async (event, context) =>
  JSON.stringify(await run(event, () => context.getRemainingTimeInMillis()));
