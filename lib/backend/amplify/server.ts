import "server-only";
import { createServerRunner } from "@aws-amplify/adapter-nextjs";
import type { AmplifyOutputs } from "./configure";

/**
 * For route handlers and server components in Amplify mode:
 * `const { runWithAmplifyServerContext } = createAmplifyServerRunner(outputs)`.
 * The outputs are passed in because amplify_outputs.json exists only after a deploy.
 */
export function createAmplifyServerRunner(outputs: AmplifyOutputs) {
  return createServerRunner({ config: outputs });
}
