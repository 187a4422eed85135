import { Amplify } from "aws-amplify";

/** The contents of amplify_outputs.json (written by `npx ampx sandbox`; git-ignored). */
export type AmplifyOutputs = Parameters<typeof Amplify.configure>[0];

let configured: AmplifyOutputs | null = null;

/**
 * Configures the browser's Amplify singleton once. `ssr: true` keeps the session in cookies so
 * server code run through createServerRunner (see server.ts) sees the same signed-in user.
 */
export function configureAmplify(outputs: AmplifyOutputs): void {
  if (configured === outputs) return;
  Amplify.configure(outputs, { ssr: true });
  configured = outputs;
}
