// Read by next.config.mjs at build time (plain JS: next.config cannot import TypeScript here).
import { existsSync, readFileSync } from "node:fs";

/**
 * Which adapter the app is built with, and for Amplify mode the outputs to bundle.
 *
 * As in Amplify's Next.js template, the configuration is taken at build time and compiled into the
 * bundles (here through NEXT_PUBLIC_AMPLIFY_OUTPUTS), so a hosted SSR deployment does not depend
 * on amplify_outputs.json being present at run time. Local mode needs no file at all.
 * AMPLIFY_OUTPUTS_PATH points at another outputs file (the Amplify smoke e2e uses a fake one), so
 * nothing has to be written into the repo root, where the file's presence switches the mode.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {{ mode: "local" | "amplify", outputsJson: string }}
 */
export function resolveBuildConfig(env, cwd = process.cwd()) {
  const outputsPath = env.AMPLIFY_OUTPUTS_PATH || `${cwd}/amplify_outputs.json`;
  const mode = env.BACKEND_MODE || (existsSync(outputsPath) ? "amplify" : "local");
  if (mode === "local") return { mode, outputsJson: "" };
  if (mode !== "amplify") throw new Error(`BACKEND_MODE must be "local" or "amplify", not "${mode}".`);
  if (!existsSync(outputsPath)) {
    throw new Error(
      `BACKEND_MODE=amplify needs ${outputsPath}: run \`npx ampx sandbox\` (or deploy the backend) first.`,
    );
  }
  const text = readFileSync(outputsPath, "utf8");
  let outputs;
  try {
    outputs = JSON.parse(text);
  } catch (error) {
    throw new Error(`${outputsPath} is not valid JSON.`, { cause: error });
  }
  if (typeof outputs?.version !== "string" || typeof outputs?.auth?.user_pool_id !== "string") {
    throw new Error(`${outputsPath} does not look like Amplify Gen 2 outputs (version, auth.user_pool_id).`);
  }
  // Re-serialised so the inlined value is compact; it holds only public identifiers.
  return { mode, outputsJson: JSON.stringify(outputs) };
}
