import type { getAmplifyDataClientConfig } from "@aws-amplify/backend/function/runtime";
import { z } from "zod";

/** Amplify names the variable after the storage resource (amplify/storage/resource.ts). */
export const BUCKET_ENV = "SKINSIGHT_SELFIES_BUCKET_NAME";

const schema = z.object({
  SAGEMAKER_ENDPOINT_NAME: z.string().min(1),
  [BUCKET_ENV]: z.string().min(1),
  AWS_ACCESS_KEY_ID: z.string().min(1),
  AWS_SECRET_ACCESS_KEY: z.string().min(1),
  AWS_SESSION_TOKEN: z.string().min(1),
  AWS_REGION: z.string().min(1),
  AMPLIFY_DATA_DEFAULT_NAME: z.string().min(1),
});

export interface FunctionEnv {
  endpointName: string;
  bucket: string;
  /** Passed whole: the data client also reads the GraphQL endpoint and model-introspection variables. */
  dataClientEnv: Parameters<typeof getAmplifyDataClientConfig>[0];
}

export function readFunctionEnv(env: Record<string, string | undefined>): FunctionEnv {
  const parsed = schema.parse(env);
  return {
    endpointName: parsed.SAGEMAKER_ENDPOINT_NAME,
    bucket: parsed[BUCKET_ENV],
    dataClientEnv: { ...env, ...parsed },
  };
}
