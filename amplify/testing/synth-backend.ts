import { rmSync } from "node:fs";
import { Stage, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { SkinsightBackend } from "../custom/customise-backend";

/**
 * Synthesizes the real backend in-process, the way Amplify's own tests do. The existing-endpoint
 * mode is used so the synthesis does not need Docker. Call once per test file (beforeAll): the
 * backend module defines its stacks when first imported.
 */
export async function synthesizeBackend(env: Record<string, string> = {}) {
  const vars = {
    CDK_CONTEXT_JSON: JSON.stringify({
      "amplify-backend-namespace": "skinsight",
      "amplify-backend-name": "test",
      "amplify-backend-type": "sandbox",
    }),
    SKINSIGHT_SAGEMAKER_ENDPOINT: "Skinsight-Model",
    ...env,
  };
  Object.assign(process.env, vars);
  const { backend } = (await import("../backend")) as { backend: SkinsightBackend };
  const stacks = backend.data.resources.nestedStacks;
  const analysis = stacks.Analysis;
  const functions = stacks.FunctionDirectiveStack;
  if (!analysis || !functions) throw new Error(`Unexpected nested stacks: ${Object.keys(stacks).join(", ")}`);
  const nested: { analysis: Stack; functions: Stack } = { analysis, functions };
  const templates = {
    data: Template.fromStack(backend.data.stack),
    storage: Template.fromStack(backend.storage.stack),
    auth: Template.fromStack(backend.auth.stack),
    analysis: Template.fromStack(analysis),
    functions: Template.fromStack(functions),
    // The scheduled guest-photo sweep sits in Amplify's default function stack.
    sweeper: Template.fromStack(backend.sweepGuestPhotos.stack),
  };
  const cleanup = () => {
    const outdir = Stage.of(backend.stack)?.outdir;
    // Each synthesis writes ~30 MB of assets to a temp dir.
    if (outdir) rmSync(outdir, { recursive: true, force: true });
    for (const name of Object.keys(vars)) delete process.env[name];
  };
  return { backend, nested, templates, cleanup };
}
