import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** The Amplify Hosting build spec (amplify.yml) as Hosting reads it. */
interface BuildSpec {
  version: number;
  backend?: { phases: Record<string, { commands: string[] }> };
  frontend?: { phases: Record<string, { commands: string[] }>; artifacts: { baseDirectory: string; files: string[] } };
}

const spec = parse(readFileSync(join(import.meta.dirname, "../amplify.yml"), "utf8")) as BuildSpec;
const commands = (section: BuildSpec["backend"]) =>
  Object.values(section?.phases ?? {}).flatMap((phase) => phase.commands);

describe("amplify.yml", () => {
  it("deploys this branch's backend with ampx pipeline-deploy, after installing", () => {
    const backend = commands(spec.backend);
    const deploy = backend.findIndex((c) =>
      /^npx ampx pipeline-deploy --branch \$AWS_BRANCH --app-id \$AWS_APP_ID$/.test(c),
    );
    const install = backend.findIndex((c) => c.startsWith("npm install"));
    expect(deploy).toBeGreaterThan(-1);
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(deploy);
  });

  it("builds the Next.js app and publishes .next", () => {
    expect(commands(spec.frontend)).toContain("npm run build");
    expect(spec.frontend?.artifacts).toEqual({ baseDirectory: ".next", files: ["**/*"] });
  });

  it("does not try to build the model image (Hosting has no Docker)", () => {
    expect([...commands(spec.backend), ...commands(spec.frontend)].join("\n")).not.toMatch(/docker/i);
  });
});
