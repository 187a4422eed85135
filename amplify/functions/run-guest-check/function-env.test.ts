import { describe, expect, it } from "vitest";
import { GUEST_LIMIT_TABLE_ENV, readGuestFunctionEnv } from "./function-env";
import { BUCKET_ENV } from "../analyze-skin/function-env";

const lambdaEnv = {
  SAGEMAKER_ENDPOINT_NAME: "skinsight-model",
  [BUCKET_ENV]: "selfies-bucket",
  [GUEST_LIMIT_TABLE_ENV]: "limits",
};

describe("readGuestFunctionEnv", () => {
  it("reads the endpoint, bucket and limit table, with 10 checks an hour by default", () => {
    expect(readGuestFunctionEnv(lambdaEnv)).toEqual({
      endpointName: "skinsight-model",
      bucket: "selfies-bucket",
      limitTable: "limits",
      checksPerHour: 10,
    });
    expect(readGuestFunctionEnv({ ...lambdaEnv, GUEST_CHECKS_PER_HOUR: "4" }).checksPerHour).toBe(4);
  });

  it.each(["SAGEMAKER_ENDPOINT_NAME", BUCKET_ENV, GUEST_LIMIT_TABLE_ENV])("fails fast when %s is missing", (name) => {
    expect(() => readGuestFunctionEnv({ ...lambdaEnv, [name]: undefined })).toThrow(name);
  });
});
