import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVAL_METHOD } from "./eval-method";

const report = readFileSync(path.join(process.cwd(), "docs/analyzer-eval.md"), "utf8");

describe("the committed evaluation report", () => {
  it("carries the Method text the evaluation writes, word for word", () => {
    const start = report.indexOf("## Method");
    const end = report.indexOf("\n\n## Dev split", start);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(report.slice(start, end)).toBe(EVAL_METHOD);
  });
});
