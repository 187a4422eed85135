import { describe, expect, it } from "vitest";
import { createdEndpointName, readBackendOptions } from "./backend-options";

describe("readBackendOptions", () => {
  it("creates the endpoint from the container by default, sized 3 GB × 5", () => {
    expect(readBackendOptions({})).toEqual({
      model: { kind: "container", memoryMb: 3072, maxConcurrency: 5 },
      allowedOrigins: ["http://localhost:3000", "https://*.amplifyapp.com"],
    });
  });

  it("uses an existing endpoint when SKINSIGHT_SAGEMAKER_ENDPOINT is set", () => {
    expect(readBackendOptions({ SKINSIGHT_SAGEMAKER_ENDPOINT: "prod-model" }).model).toEqual({
      kind: "existing",
      endpointName: "prod-model",
    });
  });

  it("treats empty variables as unset", () => {
    expect(readBackendOptions({ SKINSIGHT_SAGEMAKER_ENDPOINT: "", SKINSIGHT_ALLOWED_ORIGINS: "" }).model.kind).toBe(
      "container",
    );
  });

  it("parses sizing and a comma-separated origin list", () => {
    const options = readBackendOptions({
      SKINSIGHT_MODEL_MEMORY_MB: "6144",
      SKINSIGHT_MODEL_MAX_CONCURRENCY: "2",
      SKINSIGHT_ALLOWED_ORIGINS: " https://skinsight.example , http://localhost:3000 ",
    });
    expect(options.model).toEqual({ kind: "container", memoryMb: 6144, maxConcurrency: 2 });
    expect(options.allowedOrigins).toEqual(["https://skinsight.example", "http://localhost:3000"]);
  });

  it.each([
    ["an endpoint name with underscores", { SKINSIGHT_SAGEMAKER_ENDPOINT: "bad_name" }],
    ["memory that is not a 1 GB step", { SKINSIGHT_MODEL_MEMORY_MB: "2500" }],
    ["memory above the serverless limit", { SKINSIGHT_MODEL_MEMORY_MB: "8192" }],
    ["an origin with a path", { SKINSIGHT_ALLOWED_ORIGINS: "https://a.example/app" }],
  ])("rejects %s", (_, env) => {
    expect(() => readBackendOptions(env)).toThrow();
  });
});

describe("createdEndpointName", () => {
  it("makes a valid, stable SageMaker name from the backend identity", () => {
    expect(createdEndpointName("skinsight", "Jane_Doe")).toBe("skinsight-skinsight-jane-doe");
    const long = createdEndpointName("a".repeat(40), "b".repeat(40));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9](-*[a-z0-9])*$/);
  });
});
