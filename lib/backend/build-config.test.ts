import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveBuildConfig } from "./build-config.mjs";

const dir = mkdtempSync(join(tmpdir(), "skinsight-build-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OUTPUTS = {
  version: "1.4",
  auth: { aws_region: "us-east-1", user_pool_id: "us-east-1_abc", user_pool_client_id: "c" },
};
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("resolveBuildConfig", () => {
  it("builds local mode, needing no outputs file, when there is none", () => {
    expect(resolveBuildConfig({}, join(dir, "empty"))).toEqual({ mode: "local", outputsJson: "" });
  });

  it("switches to Amplify mode when the repo root has amplify_outputs.json, and compiles it in", () => {
    const root = mkdtempSync(join(dir, "root-"));
    writeFileSync(join(root, "amplify_outputs.json"), JSON.stringify(OUTPUTS, null, 2));
    const config = resolveBuildConfig({}, root);
    expect(config.mode).toBe("amplify");
    expect(JSON.parse(config.outputsJson)).toEqual(OUTPUTS);
  });

  it("reads the outputs from AMPLIFY_OUTPUTS_PATH", () => {
    const path = write("fake-outputs.json", JSON.stringify(OUTPUTS));
    expect(resolveBuildConfig({ AMPLIFY_OUTPUTS_PATH: path }, join(dir, "empty")).mode).toBe("amplify");
  });

  it("lets BACKEND_MODE=local win over an outputs file", () => {
    const path = write("present.json", JSON.stringify(OUTPUTS));
    expect(resolveBuildConfig({ BACKEND_MODE: "local", AMPLIFY_OUTPUTS_PATH: path }).mode).toBe("local");
  });

  it.each([
    ["a missing file", { BACKEND_MODE: "amplify", AMPLIFY_OUTPUTS_PATH: join(dir, "nope.json") }, /npx ampx sandbox/],
    ["broken JSON", { AMPLIFY_OUTPUTS_PATH: write("broken.json", "{") }, /not valid JSON/],
    ["JSON that is not outputs", { AMPLIFY_OUTPUTS_PATH: write("other.json", "{}") }, /Gen 2 outputs/],
    ["an unknown mode", { BACKEND_MODE: "cloud" }, /BACKEND_MODE/],
  ])("stops the build on %s", (_, env, message) => {
    expect(() => resolveBuildConfig(env, join(dir, "empty"))).toThrow(message);
  });
});
