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

describe("model image dependencies", () => {
  type Lock = { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
  const manifest = JSON.parse(read("image-deps/package.json")) as { dependencies: Record<string, string> };
  const lock = JSON.parse(read("image-deps/package-lock.json")) as Lock;
  const appLock = JSON.parse(read("../../package-lock.json")) as Lock;

  it("installs from the committed lockfile with npm ci", () => {
    expect(read("Dockerfile")).toMatch(
      /COPY amplify\/model\/image-deps\/package\.json amplify\/model\/image-deps\/package-lock\.json/,
    );
    expect(read("Dockerfile")).toMatch(/RUN npm ci --omit=dev/);
    expect(read("Dockerfile")).not.toMatch(/npm install/);
  });

  it("has a lockfile in step with its package.json (npm ci refuses one that is not)", () => {
    expect(lock.packages[""]?.dependencies).toEqual(manifest.dependencies);
  });

  it("locks the same versions the app's tests run", () => {
    for (const name of Object.keys(manifest.dependencies)) {
      const image = lock.packages[`node_modules/${name}`]?.version;
      expect(image, name).toBeDefined();
      expect(image, name).toBe(appLock.packages[`node_modules/${name}`]?.version);
    }
  });
});
