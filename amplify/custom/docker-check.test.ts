import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertDockerAvailable, DockerUnavailableError, probeDocker } from "./docker-check";

describe("the Docker check before creating the model endpoint", () => {
  it("reports a missing Docker binary", () => {
    const result = probeDocker({ CDK_DOCKER: "/nonexistent/docker" });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("/nonexistent/docker") });
  });

  it("reports a Docker whose daemon does not answer", () => {
    // `false` stands in for a CLI without a daemon: it exits non-zero.
    expect(probeDocker({ CDK_DOCKER: "false" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("exited with 1"),
    });
  });

  it("accepts a Docker that answers", () => {
    expect(probeDocker({ CDK_DOCKER: "true" })).toEqual({ ok: true });
  });

  it("fails with a message that points to SKINSIGHT_SAGEMAKER_ENDPOINT", () => {
    expect(() => assertDockerAvailable(() => ({ ok: false, reason: "no daemon" }))).toThrow(DockerUnavailableError);
    expect(() => assertDockerAvailable(() => ({ ok: false, reason: "no daemon" }))).toThrow(
      /SKINSIGHT_SAGEMAKER_ENDPOINT/,
    );
  });
});

describe("synthesizing the backend without Docker", () => {
  // CDK's App writes its assembly to CDK_OUTDIR; a temp one is removed afterwards.
  const outdir = mkdtempSync(join(tmpdir(), "skinsight-nodocker-"));
  afterEach(() => {
    rmSync(outdir, { recursive: true, force: true });
    for (const name of ["CDK_CONTEXT_JSON", "CDK_DOCKER", "CDK_OUTDIR"]) delete process.env[name];
  });

  it("stops early with the clear message when it would have to build the model image", async () => {
    process.env.CDK_CONTEXT_JSON = JSON.stringify({
      "amplify-backend-namespace": "skinsight",
      "amplify-backend-name": "hosting",
      "amplify-backend-type": "branch",
    });
    delete process.env.SKINSIGHT_SAGEMAKER_ENDPOINT;
    process.env.CDK_DOCKER = "/nonexistent/docker";
    process.env.CDK_OUTDIR = outdir;
    await expect(import("../backend")).rejects.toThrow(/SKINSIGHT_SAGEMAKER_ENDPOINT/);
  }, 180_000);
});
