import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(join(import.meta.dirname, file), "utf8");

describe("model image", () => {
  it("builds on the same maintained Node LTS as the analyze-skin Lambda", () => {
    const from = /^FROM node:(\d+)-/m.exec(read("Dockerfile"))?.[1];
    const runtime = /runtime:\s*(\d+)/.exec(read("../functions/analyze-skin/resource.ts"))?.[1];
    expect(runtime).toBeDefined();
    expect(from).toBe(runtime);
    // Node 20 reached end of life on 2026-04-30; 22 and 24 are the maintained LTS lines.
    expect(["22", "24"]).toContain(from);
  });
});
