import { readFile } from "node:fs/promises";
import { join } from "node:path";

// Read once at build time: the report changes only when the evaluation is re-run and committed.
export const dynamic = "force-static";

/** The full evaluation report as published (docs/analyzer-eval.md), linked from the accuracy page. */
export async function GET(): Promise<Response> {
  const report = await readFile(join(process.cwd(), "docs", "analyzer-eval.md"), "utf8");
  // Plain text: browsers show it in the tab, where text/markdown would download.
  return new Response(report, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
