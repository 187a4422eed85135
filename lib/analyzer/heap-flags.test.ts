import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANALYZER_NODE_FLAGS } from "./heap-flags";

const root = join(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

// Without the flags every analysis pays a full GC; each place that starts an analyzer process must pass them.
describe("analyzer heap flags", () => {
  it("are V8 heap flags with a size", () => {
    expect(ANALYZER_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of ANALYZER_NODE_FLAGS) expect(flag).toMatch(/^--[a-z-]+=\d+$/);
  });

  it("start the model container", () => {
    const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(read("amplify/model/Dockerfile"))?.[1];
    expect(entrypoint).toBeDefined();
    const argv = JSON.parse(entrypoint ?? "[]") as string[];
    expect(argv.slice(1, 1 + ANALYZER_NODE_FLAGS.length)).toEqual([...ANALYZER_NODE_FLAGS]);
  });

  it("start the analyzer bench", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["bench:analyzer"]).toBe(`node ${ANALYZER_NODE_FLAGS.join(" ")} --import tsx lib/bench/analyzer.ts`);
  });

  it("start the local model server", () => {
    expect(read("lib/local-cloud/model-process.ts")).toMatch(/\[\.\.\.ANALYZER_NODE_FLAGS, "--import", "tsx"/);
  });
});
