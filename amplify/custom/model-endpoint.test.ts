import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { modelContainerSource } from "./customise-backend";
import { defineModelEndpoint, modelWorkersFor } from "./model-endpoint";

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function newStack() {
  const app = new App({ outdir: tempDir("skinsight-cdk-") });
  return { app, stack: new Stack(app, "Model", { env: { account: "123456789012", region: "ap-southeast-1" } }) };
}

describe("defineModelEndpoint", () => {
  it("creates a serverless endpoint from the container and returns its lower-case ARN", () => {
    const context = tempDir("skinsight-model-");
    writeFileSync(join(context, "Dockerfile"), "FROM public.ecr.aws/docker/library/node:24-slim\n");
    const { stack } = newStack();
    const endpoint = defineModelEndpoint(stack, {
      kind: "container",
      contextDirectory: context,
      dockerfile: "Dockerfile",
      contextExcludes: [],
      endpointName: "Skinsight-Sandbox",
      memoryMb: 3072,
      maxConcurrency: 5,
    });
    const template = Template.fromStack(stack);

    expect(JSON.stringify(stack.resolve(endpoint.endpointArn))).toContain(
      ":sagemaker:ap-southeast-1:123456789012:endpoint/skinsight-sandbox",
    );
    template.hasResourceProperties("AWS::SageMaker::Endpoint", { EndpointName: "Skinsight-Sandbox" });
    template.hasResourceProperties("AWS::SageMaker::EndpointConfig", {
      ProductionVariants: [Match.objectLike({ ServerlessConfig: { MemorySizeInMB: 3072, MaxConcurrency: 5 } })],
    });
    template.hasResourceProperties("AWS::SageMaker::Model", {
      PrimaryContainer: Match.objectLike({
        Image: Match.anyValue(),
        Environment: { NODE_ENV: "production", MODEL_WORKERS: "4" },
      }),
    });
    template.hasResourceProperties("AWS::IAM::Role", {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: "sagemaker.amazonaws.com" } })],
      }),
    });
  });

  it("stages only what the model image copies, so front-end edits do not rebuild it", () => {
    const { app, stack } = newStack();
    defineModelEndpoint(
      stack,
      modelContainerSource({ kind: "container", memoryMb: 3072, maxConcurrency: 5 }, "skinsight-test"),
    );
    const staged = readdirSync(app.outdir)
      .filter((name) => name.startsWith("asset.") && existsSync(join(app.outdir, name, "amplify/model/Dockerfile")))
      .map((name) => join(app.outdir, name));
    expect(staged).toHaveLength(1);
    const asset = staged[0] ?? "";
    const has = (path: string) => existsSync(join(asset, path));
    for (const needed of [
      "tsconfig.json",
      "amplify/package.json",
      "amplify/model/serve.ts",
      "amplify/model/image-deps/package-lock.json",
      "lib/analyzer/analyze.ts",
      "lib/domain/skin-report.ts",
    ]) {
      expect(has(needed), needed).toBe(true);
    }
    for (const left of [
      "app",
      "components",
      "e2e",
      "node_modules",
      "package.json",
      "lib/pipeline",
      "lib/backend",
      "amplify/data",
      "amplify/model/server.test.ts",
    ]) {
      expect(has(left), left).toBe(false);
    }
  });

  it.each([
    [1024, 1],
    [2048, 3],
    [3072, 4],
    [6144, 4],
  ])("sizes the model threads from the endpoint memory (%i MB → %i, ~400 MB each)", (memoryMb, workers) => {
    expect(modelWorkersFor(memoryMb)).toBe(workers);
    expect(workers * 400 + 512).toBeLessThanOrEqual(memoryMb);
  });

  it("points at an existing endpoint without creating anything", () => {
    const { stack } = newStack();
    const endpoint = defineModelEndpoint(stack, { kind: "existing", endpointName: "My-Endpoint" });
    expect(endpoint.endpointName).toBe("My-Endpoint");
    // The partition stays a token until deploy, so compare the resolved form.
    expect(JSON.stringify(stack.resolve(endpoint.endpointArn))).toContain(
      ":sagemaker:ap-southeast-1:123456789012:endpoint/my-endpoint",
    );
    const types = Object.values(
      (Template.fromStack(stack).toJSON() as { Resources?: Record<string, { Type: string }> }).Resources ?? {},
    ).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith("AWS::SageMaker::"))).toEqual([]);
  });
});
