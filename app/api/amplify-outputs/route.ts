import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const dynamic = "force-dynamic";

/**
 * Amplify mode's client configuration. amplify_outputs.json is written by `npx ampx sandbox` or a
 * deploy and is git-ignored, so it is read at request time rather than bundled. It holds only
 * public identifiers (user pool, API URL, bucket name) that the browser needs anyway.
 */
export async function GET(): Promise<Response> {
  try {
    const text = await readFile(join(process.cwd(), "amplify_outputs.json"), "utf8");
    return new Response(text, { headers: { "Content-Type": "application/json", "Cache-Control": "no-cache" } });
  } catch {
    return Response.json(
      { code: "NOT_FOUND", message: "amplify_outputs.json is missing: run `npx ampx sandbox` or deploy the backend first." },
      { status: 404 },
    );
  }
}
