import { describe, expect, it } from "vitest";
import { BUCKET_ENV, readFunctionEnv } from "./function-env";

const lambdaEnv = {
  SAGEMAKER_ENDPOINT_NAME: "skinsight-model",
  [BUCKET_ENV]: "selfies-bucket",
  AWS_ACCESS_KEY_ID: "AKIA",
  AWS_SECRET_ACCESS_KEY: "secret",
  AWS_SESSION_TOKEN: "token",
  AWS_REGION: "ap-southeast-1",
  AMPLIFY_DATA_DEFAULT_NAME: "amplifyData",
  amplifyData_GRAPHQL_ENDPOINT: "https://example.appsync-api.ap-southeast-1.amazonaws.com/graphql",
};

describe("readFunctionEnv", () => {
  it("reads the endpoint and bucket and keeps every variable for the data client", () => {
    const env = readFunctionEnv(lambdaEnv);
    expect(env.endpointName).toBe("skinsight-model");
    expect(env.bucket).toBe("selfies-bucket");
    expect(env.dataClientEnv.amplifyData_GRAPHQL_ENDPOINT).toBe(lambdaEnv.amplifyData_GRAPHQL_ENDPOINT);
  });

  it.each(["SAGEMAKER_ENDPOINT_NAME", BUCKET_ENV, "AMPLIFY_DATA_DEFAULT_NAME"])(
    "fails fast when %s is missing",
    (name) => {
      expect(() => readFunctionEnv({ ...lambdaEnv, [name]: undefined })).toThrow(name);
    },
  );
});
